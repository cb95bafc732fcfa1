"""The customer conversation as one typed service: `CustomerService.handle(message) -> replies`."""

from bot.services.customer.service import CustomerService
from bot.services.customer.turn import Classified, Classifier, CustomerDeps, CustomerMessage

__all__ = ["Classified", "Classifier", "CustomerDeps", "CustomerMessage", "CustomerService"]
