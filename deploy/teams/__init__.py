"""The Teams app an MSP's admin uploads: manifest, icons and translations, zipped."""
