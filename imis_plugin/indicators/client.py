"""Client of the National Sanitation Dashboard API (urllib, no extra dependency).

Protocol (docs/indicators.md): the city's year lives at ``{endpoint}/cities/{city}/years/{year}``;
``GET`` answers 404 (nothing yet) or ``{"published": true|false, ...}``; ``PUT`` stores the feed
``{city, year, indicators}``; ``POST .../publish`` locks the year on the server. The client asks first and
refuses to send a year the server has already published; the server refuses too (409).

Where the endpoint and credential come from: a QGIS authentication configuration (its URL is the endpoint;
method "ESRI token" gives a bearer token, method "Basic" a user name and secret), or the environment
variables ``IMIS_DASHBOARD_URL`` and ``IMIS_DASHBOARD_TOKEN``. Never from a file of the project. A credential
only travels over HTTPS, or plain HTTP to this machine itself (loopback).
"""
from __future__ import annotations

import base64
import ipaddress
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

ENV_URL = "IMIS_DASHBOARD_URL"
ENV_TOKEN = "IMIS_DASHBOARD_TOKEN"


class DashboardError(RuntimeError):
    """The dashboard could not be reached, refused the request, or is misconfigured."""


class AlreadyPublished(DashboardError):
    """The dashboard has published this city's year: it cannot be overwritten."""


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class DashboardClient:
    endpoint: str
    token: str | None = None
    username: str | None = None
    secret: str | None = field(default=None, repr=False)
    timeout: float = 30.0

    def __post_init__(self):
        parts = urllib.parse.urlsplit(self.endpoint or "")
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise DashboardError(f"the dashboard endpoint {self.endpoint!r} is not an http(s) URL")
        if (self.token or self.secret) and parts.scheme != "https" and not _is_loopback(parts.hostname):
            raise DashboardError(f"refusing to send a credential over plain HTTP to {parts.hostname}: use https")

    # where the configuration comes from -----------------------------------------------------------------
    @classmethod
    def from_environment(cls, environ=None) -> DashboardClient:
        environ = os.environ if environ is None else environ
        url = environ.get(ENV_URL, "").strip()
        if not url:
            raise DashboardError(f"no dashboard endpoint: set {ENV_URL} (and {ENV_TOKEN}) or choose a QGIS "
                                 "authentication configuration")
        return cls(url, token=environ.get(ENV_TOKEN) or None)

    @classmethod
    def from_qgis_auth(cls, authcfg: str, endpoint: str | None = None) -> DashboardClient:
        """From a QGIS authentication configuration (its URL is the endpoint unless one is given)."""
        from qgis.core import QgsApplication, QgsAuthMethodConfig

        config = QgsAuthMethodConfig()
        manager = QgsApplication.authManager()
        loaded = bool(authcfg) and manager.loadAuthenticationConfig(authcfg, config, True)
        if not loaded or not config.id():  # an unknown id "loads" an empty configuration
            raise DashboardError(f"QGIS has no authentication configuration {authcfg!r} (or it is locked)")
        url = (endpoint or config.uri() or "").strip()
        if not url:
            raise DashboardError(f"the authentication configuration {authcfg!r} has no URL: enter the dashboard "
                                 "endpoint there")
        method = config.method()
        if method == "EsriToken":
            return cls(url, token=config.config("token") or None)
        if method == "Basic":
            return cls(url, username=config.config("username") or None, secret=config.config("password") or None)
        raise DashboardError(f"authentication method {method!r} is not supported for the dashboard: use "
                             "'ESRI token' (bearer token) or 'Basic'")

    @classmethod
    def configured(cls, authcfg: str | None = None, endpoint: str | None = None) -> DashboardClient:
        """The QGIS auth configuration when given, else the environment."""
        if authcfg:
            return cls.from_qgis_auth(authcfg, endpoint)
        client = cls.from_environment() if not endpoint else cls(endpoint, token=os.environ.get(ENV_TOKEN) or None)
        return client

    # requests ---------------------------------------------------------------------------------------------
    def _url(self, city: str, year: int, *rest: str) -> str:
        path = "/".join(urllib.parse.quote(str(p), safe="") for p in ("cities", city, "years", year, *rest))
        return f"{self.endpoint.rstrip('/')}/{path}"

    def _request(self, method: str, url: str, payload: dict | None = None) -> tuple[int, dict | None]:
        headers = {"Accept": "application/json"}
        data = None
        if payload is not None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json; charset=utf-8"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        elif self.username is not None:
            pair = f"{self.username}:{self.secret or ''}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (scheme checked)
                body = response.read()
                return response.status, json.loads(body) if body else None
        except urllib.error.HTTPError as exc:
            body = exc.read()
            try:
                detail = json.loads(body) if body else None
            except ValueError:
                detail = {"message": body.decode("utf-8", "replace")[:200]}
            return exc.code, detail
        except (urllib.error.URLError, OSError) as exc:
            raise DashboardError(f"the dashboard at {self.endpoint} cannot be reached: {exc}") from None

    @staticmethod
    def _message(detail) -> str:
        if isinstance(detail, dict):
            return str(detail.get("message") or detail.get("error") or detail)
        return str(detail or "")

    def status(self, city: str, year: int) -> dict | None:
        """What the dashboard holds for the city's year: None if nothing, else its answer (with 'published')."""
        code, detail = self._request("GET", self._url(city, year))
        if code == 404:
            return None
        if code in (401, 403):
            raise DashboardError(f"the dashboard refused the credential ({code}): {self._message(detail)}")
        if code != 200:
            raise DashboardError(f"the dashboard answered {code}: {self._message(detail)}")
        return detail or {}

    def send(self, feed: dict, publish: bool = False) -> dict:
        """Send a feed {city, year, indicators}; with ``publish`` also lock the year on the dashboard.
        Asks first: a year the dashboard has published is never overwritten (AlreadyPublished)."""
        city, year = feed["city"], feed["year"]
        held = self.status(city, year)
        if held and held.get("published"):
            raise AlreadyPublished(f"the dashboard has already published {city} {year}: it cannot be overwritten")
        code, detail = self._request("PUT", self._url(city, year), feed)
        if code == 409:
            raise AlreadyPublished(f"the dashboard refused to overwrite {city} {year}: {self._message(detail)}")
        if code not in (200, 201, 204):
            raise DashboardError(f"the dashboard answered {code} to the feed: {self._message(detail)}")
        answer = {"sent": True, "published": False}
        if publish:
            code, detail = self._request("POST", self._url(city, year, "publish"))
            if code not in (200, 201, 204):
                raise DashboardError(f"the feed was stored but publishing {city} {year} failed ({code}): "
                                     f"{self._message(detail)}")
            answer["published"] = True
        return answer
