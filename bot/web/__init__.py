"""Plain web pages the bot serves besides the Bot Framework endpoint (acknowledge links)."""
