"""Deployment: the Teams app package, the container, Azure templates and Prometheus rules."""
