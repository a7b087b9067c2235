"""What the models are rendered into for editors and readers: JSON Schemas and the field reference."""
