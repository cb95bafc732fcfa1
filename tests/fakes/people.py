"""The people of tests/data/operator.yaml, and a few that the config does not know."""

from __future__ import annotations

from fakes.activities import TeamsUser

MSP_TENANT = "6a1e1c2d-0000-4000-8000-000000000001"
CUSTOMER_TENANT = "11111111-1111-4111-8111-111111111111"
OTHER_CUSTOMER_TENANT = "22222222-2222-4222-8222-222222222222"

CUSTOMER = TeamsUser("cccccccc-0000-4000-8000-000000000001", CUSTOMER_TENANT, "Petra de Vries", "nl-NL")
COLLEAGUE = TeamsUser("cccccccc-0000-4000-8000-000000000004", CUSTOMER_TENANT, "Sanne Bos", "nl-NL")
ENGLISH_CUSTOMER = TeamsUser("cccccccc-0000-4000-8000-000000000002", CUSTOMER_TENANT, "John Smith", "en-US")
OTHER_CUSTOMER = TeamsUser("cccccccc-0000-4000-8000-000000000003", OTHER_CUSTOMER_TENANT, "Kees Jansen", "nl-NL")
STRANGER = TeamsUser("cccccccc-0000-4000-8000-000000000009", "99999999-9999-4999-8999-999999999999", "Eve", "nl-NL")

ANNA = TeamsUser("aaaaaaaa-0000-4000-8000-000000000001", MSP_TENANT, "Anna Bakker", "nl-NL")  # support, on call
BRAM = TeamsUser("aaaaaaaa-0000-4000-8000-000000000002", MSP_TENANT, "Bram de Jong", "nl-NL")  # support
CARLA = TeamsUser("aaaaaaaa-0000-4000-8000-000000000003", MSP_TENANT, "Carla Visser", "nl-NL")  # senior, backup
DIRK = TeamsUser("aaaaaaaa-0000-4000-8000-000000000004", MSP_TENANT, "Dirk Smit", "nl-NL")  # management
