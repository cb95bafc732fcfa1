"""What production needs to see the bot at work: JSON logs and Prometheus metrics, no business logic."""
