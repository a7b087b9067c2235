"""Reading YAML content files: the hardened loader, YAML positions and schema-error diagnostics."""
