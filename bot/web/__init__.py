"""Plain HTTP routes beside the Bot Framework endpoint: calendar feeds and acknowledge links (no Bot Framework code)."""
