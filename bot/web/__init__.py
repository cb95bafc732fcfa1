"""Plain HTTP routes beside the Bot Framework endpoint (no Bot Framework code here)."""
