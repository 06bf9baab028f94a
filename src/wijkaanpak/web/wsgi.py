# SPDX-License-Identifier: EUPL-1.2
"""The WSGI application, for waitress (``wijk serve``) or any other WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkaanpak.web.settings")

application = get_wsgi_application()
