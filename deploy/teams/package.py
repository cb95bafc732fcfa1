"""`python -m deploy.teams.package`: build the Teams app packages (zip) a Teams admin uploads.

Two packages of the same app (same id, same bot): `supportbot-customers.zip` for the customers'
tenants and `supportbot-staff.zip` for the MSP's own tenant; they differ in name and command menu.
Everything is validated against the vendored schemas before a zip is written.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tomllib
import zipfile
from collections.abc import Mapping
from pathlib import Path

from bot.config.errors import ConfigError
from bot.config.operator import load_operator_config
from bot.config.settings import DEFAULT_CONFIG_PATH, PROJECT_ROOT
from deploy.teams.commands import AUDIENCES, Audience
from deploy.teams.icons import color_icon, outline_icon
from deploy.teams.manifest import DEFAULT_LANGUAGE, TRANSLATIONS, AppValues, build_manifest, localization
from deploy.teams.schema_check import localization_errors, manifest_errors

DEFAULT_OUT = PROJECT_ROOT / "build" / "teams"
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_HOST = re.compile(r"^(\*\.)?([A-Za-z0-9-]+\.)+[A-Za-z]{2,}$")
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed zip timestamps: the same input gives the same bytes


def app_values(environ: Mapping[str, str]) -> AppValues:
    """The package's variable parts from the environment and the operator config; errors name the variable."""
    bot_id = environ.get("MicrosoftAppId", "").strip()
    if not _GUID.match(bot_id):
        raise ConfigError("MicrosoftAppId: the Azure Bot's app id (a GUID) is required to build the Teams app")
    domain = environ.get("BOT_DOMAIN", "").strip()
    if not _HOST.match(domain):
        raise ConfigError("BOT_DOMAIN: the bot's public host name, e.g. bot.example.nl (no https://, no path)")
    operator = load_operator_config(Path(environ.get("SUPPORTBOT_CONFIG") or DEFAULT_CONFIG_PATH))
    website = environ.get("TEAMS_APP_WEBSITE_URL") or f"https://{operator.msp.contact_email.split('@')[1]}"
    return AppValues(
        bot_id=bot_id,
        version=environ.get("TEAMS_APP_VERSION") or _project_version(),
        developer_name=operator.msp.name,
        website_url=website,
        privacy_url=environ.get("TEAMS_APP_PRIVACY_URL") or website,
        terms_url=environ.get("TEAMS_APP_TERMS_URL") or website,
        domain=domain,
        msp=operator.msp.name,
    )


def package_files(values: AppValues, audience: Audience) -> dict[str, bytes]:
    """The zip's files by name; raises ConfigError listing every schema violation, per language."""
    manifest = build_manifest(values, audience)
    problems = [f"manifest ({DEFAULT_LANGUAGE}): {error}" for error in manifest_errors(manifest)]
    files = {"manifest.json": _json(manifest), "color.png": color_icon(), "outline.png": outline_icon()}
    for language in TRANSLATIONS:
        # Translated strings must fit the same limits as the manifest's own: validate both forms.
        problems += [f"manifest ({language}): {e}" for e in manifest_errors(build_manifest(values, audience, language))]
        strings = localization(values, audience, language)
        problems += [f"{language}.json: {error}" for error in localization_errors(strings)]
        files[f"{language}.json"] = _json(strings)
    if problems:
        raise ConfigError(f"the {audience} app does not match the Teams schema:\n  " + "\n  ".join(problems))
    return files


def write_package(files: Mapping[str, bytes], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            archive.writestr(zipfile.ZipInfo(name, date_time=_EPOCH), files[name])
    return path


def main(argv: list[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.teams.package", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder for the zips (default {DEFAULT_OUT})")
    parser.add_argument("--audience", choices=AUDIENCES, help="build one package only")
    args = parser.parse_args(argv)
    try:
        values = app_values(os.environ if environ is None else environ)
        for audience in (args.audience,) if args.audience else AUDIENCES:
            path = write_package(package_files(values, audience), args.out / f"supportbot-{audience}.zip")
            print(f"{audience}: {path}")
    except ConfigError as error:
        print(f"teams-package: {error}", file=sys.stderr)
        return 2
    return 0


def _project_version() -> str:
    with (PROJECT_ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def _json(document: object) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
