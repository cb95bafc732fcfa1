"""The customer conversation: `handle(message) -> replies`, with typed state kept per conversation.

One pass per message: the reply language, then the open question (answered, kept, or left for a
new subject), then anything new through the policy. The welcome comes once per conversation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from bot.services import replies
from bot.services.customer import codec, questions
from bot.services.customer.acts import Acts
from bot.services.customer.answers import KEEP, Answers
from bot.services.customer.language import reply_language
from bot.services.customer.reading import asks_about_sla, asks_for_full_sla, is_acknowledgement, without_greeting
from bot.services.customer.state import (
    AwaitingProblem, CustomerState, DeclinedOffer, Facts, QuoteOffer, RatingQuestion, TicketOffer,
)  # fmt: skip
from bot.services.customer.turn import CustomerDeps, CustomerMessage, Outcome, Turn
from bot.services.messages import Caller, Reply
from bot.services.welcome import welcome
from bot.services.wordless import has_words, is_symbols, is_thanks
from storage import customer_state as store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Said:
    replies: tuple[Reply, ...]
    state: CustomerState


class CustomerService:
    def __init__(self, deps: CustomerDeps):
        self._deps = deps
        self._acts = Acts(deps)
        self._answers = Answers(deps, self._acts)
        deps.reminders.says(self.reminder_due)

    async def handle(self, message: CustomerMessage) -> list[Reply]:
        """Everything the bot says to one customer message; the state is stored with the turn."""
        state = await self._load(message.conversation_id, new=message.first_contact)
        turn = self._turn(message, state)
        said = await self._respond(turn, replace(state, language=turn.lang))
        await self._save(message.conversation_id, said.state)
        return list(said.replies)

    async def installed(
        self, caller: Caller, conversation_id: str, first_contact: bool, *, locale_given: bool = True,
    ) -> list[Reply]:
        """The bot was added to the chat (Teams says so twice): the welcome, once per conversation.

        Of the two announcements, sent at the same moment and handled in either order, one may carry
        no locale (the Agents Playground's conversationUpdate does not): that one does not choose the
        welcome's language. The other welcomes; failing that, the welcome comes before the first answer,
        in the language the customer writes in."""
        state = await self._load(conversation_id, new=first_contact)
        if state.welcomed:
            return []
        if not locale_given and state.language is None:
            await self._save(conversation_id, state)  # known, and not yet welcomed
            return []
        language = state.language or caller.language
        await self._save(conversation_id, replace(state, welcomed=True, language=language))
        return [welcome(self._deps.config, language)]

    async def ask_rating(self, conversation_id: str, customer: Caller, number: str) -> bool:
        """After a resolve, from the staff member's turn: the rating question becomes the open question."""
        state = await self._load(conversation_id)
        language = state.language or customer.language
        await self._save(conversation_id, replace(state, question=RatingQuestion(number), language=language))
        return await self._deps.notifier.to_conversation(conversation_id, [replies.rating_request(language, number)])

    async def reminder_due(self, conversation_id: str, language: str) -> Reply:
        """The reminder at opening time: it names the problem told while closed and offers to make the
        ticket from it (with the facts said then); with nothing told, it asks for the problem."""
        state = await self._load(conversation_id)
        told = state.told
        if told is None:
            return replies.reminder_message(language)
        offer = TicketOffer(told.report, told.facts)
        await self._save(conversation_id, replace(state, question=offer, told=None))
        zone = self._deps.config.business_hours.time_zone
        return replies.told_reminder(language, told.report.text, told.report.reported_at, self._deps.clock.now(), zone)

    async def drop_question(self, conversation_id: str) -> None:
        """A staff member took the chat over: a question the bot asked no longer waits for an answer."""
        state = await self._load(conversation_id)
        if state.question is not None:
            await self._save(conversation_id, replace(state, question=None))

    def _turn(self, message: CustomerMessage, state: CustomerState) -> Turn:
        core = without_greeting(message.text)
        classified = self._deps.classifier.classify(core)
        language = reply_language(message.text, classified.language, state.language, message.caller.language)
        return Turn(
            caller=replace(message.caller, language=language), conversation_id=message.conversation_id,
            activity_id=message.activity_id, text=message.text, core=core, pressed=message.pressed,
            now=self._deps.clock.now(), classified=classified,
        )  # fmt: skip

    async def _respond(self, turn: Turn, state: CustomerState) -> _Said:
        if turn.pressed is None and is_symbols(turn.text):  # an emoji: thanks, or nothing to answer
            return self._welcomed(state, Outcome(self._symbols(state, turn), state.question))
        if turn.pressed is None and not has_words(turn.text):
            hint = await self._deps.wordless.hint(turn.lang, turn.conversation_id, turn.activity_id)
            return self._welcomed(state, Outcome(tuple(hint), state.question))
        if turn.pressed == replies.FULL_SLA or (turn.pressed is None and asks_for_full_sla(turn.text)):
            return self._welcomed(state, self._sla(state, turn, replies.full_sla(turn.lang)))
        if turn.pressed is None and asks_about_sla(turn.text):
            return self._welcomed(state, self._sla(state, turn, replies.sla_overview(turn.lang, self._deps.config)))
        known, lead = Facts(), None
        if state.question is not None:
            answer = await self._answers.answer(state.question, turn)
            if answer is KEEP:
                return self._welcomed(state, Outcome((self._again(state, turn),), state.question))
            if isinstance(answer, Outcome):
                return self._welcomed(state, answer)
            hinted = None if state.hinted else self._answers.hint(state.question, turn)
            if hinted is not None:
                return self._welcomed(state, hinted)
            if isinstance(state.question, AwaitingProblem):
                known = state.question.facts
            elif turn.pressed is None and not isinstance(state.question, DeclinedOffer):
                lead = replies.question_dropped
        if turn.pressed is not None:  # a button of a question no longer open: never a new report
            return self._welcomed(state, Outcome((replies.stale_choice(turn.lang),), state.question))
        if is_acknowledgement(turn.core):
            return self._welcomed(state, Outcome((replies.goodbye(turn.lang),)))
        awaiting = isinstance(state.question, AwaitingProblem)  # asked what is wrong: a new problem, no note
        added = None if awaiting else await self._acts.tickets.add_to_recent(turn, state.recent_ticket)
        outcome = added or await self._acts.new_message(turn, known)
        if lead is not None and outcome.replies:
            outcome = replace(outcome, replies=(lead(turn.lang, outcome.replies[0]), *outcome.replies[1:]))
        return self._welcomed(state, outcome)

    def _welcomed(self, state: CustomerState, outcome: Outcome) -> _Said:
        """The welcome before the first answer of a conversation; a later greeting gets a short reply."""
        lang = state.language or "nl"
        said = outcome.replies
        if outcome.greeted:
            said = (welcome(self._deps.config, lang) if not state.welcomed else replies.how_can_i_help(lang), *said)
        elif not state.welcomed:
            said = (welcome(self._deps.config, lang), *said)
        recent = outcome.opened or state.recent_ticket
        told = outcome.told or state.told
        return _Said(said, replace(
            state, welcomed=True, question=outcome.question, recent_ticket=recent, hinted=outcome.hinted, told=told,
        ))  # fmt: skip

    def _symbols(self, state: CustomerState, turn: Turn) -> tuple[Reply, ...]:
        """Emoji or punctuation: thanks gets a goodbye (with a question open, nothing: the question stays);
        anything else ("?", "...", "😡") the open question again, or what we can do."""
        if is_thanks(turn.text):
            return () if state.question is not None else (replies.goodbye(turn.lang),)
        return (self._again(state, turn) if state.question is not None else replies.how_can_i_help(turn.lang),)

    def _sla(self, state: CustomerState, turn: Turn, reply: Reply) -> Outcome:
        """The SLA at any point; an open question is asked again after it (the quote offer's card, which
        offers the SLA text itself, is still at hand)."""
        if state.question is None or isinstance(state.question, DeclinedOffer | QuoteOffer):
            return Outcome((reply,), state.question)
        return Outcome((reply, self._again(state, turn)), state.question)

    def _again(self, state: CustomerState, turn: Turn) -> Reply:
        assert state.question is not None
        asked = questions.ask(state.question, turn.lang, self._deps.config, self._deps.calendar, turn.now)
        return replies.still_open(turn.lang, asked)

    async def _load(self, conversation_id: str, *, new: bool = False) -> CustomerState:
        """A conversation stored before it had a state was welcomed then; only a new one still needs it."""
        async with self._deps.sessions() as session:
            document = await store.load(session, conversation_id)
        return codec.from_document(document) if document is not None else CustomerState(welcomed=not new)

    async def _save(self, conversation_id: str, state: CustomerState) -> None:
        async with self._deps.sessions.joined() as session:  # one UPDATE: no savepoint needed in a unit
            await store.save(session, conversation_id, codec.to_document(state), state.language or "nl")
