"""Pure document model, importers and structure (no Qt)."""
