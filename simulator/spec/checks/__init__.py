"""The second pass over loaded files: references across files, scoring tags, typography."""
