"""Ways to reach a person outside Teams: e-mail over SMTP and a signed webhook to an SMS or voice gateway."""
