# SPDX-License-Identifier: EUPL-1.2
"""The Django project: settings, URLs, the WSGI application, the API router."""
