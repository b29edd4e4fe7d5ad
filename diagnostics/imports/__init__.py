"""Excel imports: one engine for the browser and the management commands."""
