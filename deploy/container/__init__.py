"""Running the bot as its container image does: the health probe, and a stand-in for the engine."""
