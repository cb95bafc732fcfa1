"""Azure templates (Bicep) and their review against Microsoft's published resource schemas."""
