"""Settings of the portal, read from the environment.

With nothing set, a fresh clone runs on a SQLite file and runs background jobs
through a file-system queue, so no server is needed. Production sets
DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY, ALLOWED_HOSTS, PORTAL_BASE_URL and DEBUG=0.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)

_INSECURE_KEY = "insecure-development-key-only-for-debug"
SECRET_KEY = env("SECRET_KEY", default=_INSECURE_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

if not DEBUG:
    if SECRET_KEY == _INSECURE_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "DEBUG выключен: задайте SECRET_KEY (не короче 50 символов)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DEBUG выключен: задайте ALLOWED_HOSTS.")
    if not env("PORTAL_BASE_URL", default=""):
        raise ImproperlyConfigured(
            "DEBUG выключен: задайте PORTAL_BASE_URL — адрес портала для ссылок в письмах, "
            "например https://portal.example.org."
        )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "axes",
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "core",
    "teams",
    "internships",
    "people",
    "competence",
    "routes",
    "trainings",
    "innovation",
    "networks",
    "services",
    "diagnostics",
    "registers",
    "aspects",
    "distribution",
    "outcomes",
    "contests",
    "plans",
    "mutual",
    "reports",
    "demo",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A first password set by someone else is replaced before anything else (teams/passwords.py).
    "teams.passwords.PasswordChangeRequiredMiddleware",
    # Records who made each change kept in the history of journals and placements.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes must stay last: it answers locked-out logins itself.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "teams.context_processors.role",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: the lock is per username and address together, so a
# stranger who mistypes someone's password cannot lock that person out.
# Sign-in lockout (teams/lockouts.py): AXES_FAILURE_LIMIT failures of one username from one
# client address, or AXES_USERNAME_FAILURE_LIMIT from all addresses together, lock the
# account for an hour; department staff lift a lock on the page «Блокировки входа».
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_USERNAME_FAILURE_LIMIT = env.int("AXES_USERNAME_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "teams.lockouts.PortalAxesHandler"
# The client address (django-ipware). PORTAL_PROXY_COUNT is the number of reverse proxies
# in front of the portal; with 0 (the default) X-Forwarded-For is ignored and the address
# is REMOTE_ADDR. Behind one nginx that sets `X-Forwarded-For $remote_addr` set it to 1.
# PORTAL_TRUSTED_PROXIES lists the proxies' address prefixes where the chain is known.
PORTAL_PROXY_COUNT = env.int("PORTAL_PROXY_COUNT", default=0)
PORTAL_TRUSTED_PROXIES = env.list("PORTAL_TRUSTED_PROXIES", default=[])
if PORTAL_PROXY_COUNT or PORTAL_TRUSTED_PROXIES:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_ORDER = "right-most"
    # X-Forwarded-For lists the client and then every proxy but the last one, whose
    # address is REMOTE_ADDR.
    AXES_IPWARE_PROXY_COUNT = max(PORTAL_PROXY_COUNT - 1, 0)
    AXES_IPWARE_PROXY_TRUSTED_IPS = PORTAL_TRUSTED_PROXIES or None
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "ru"
# The portal speaks Russian only, whatever language a browser asks for.
LANGUAGES = [("ru", "Русский")]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.path("STATIC_ROOT", default=BASE_DIR / "var" / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media"))
# Files attached to council protocols; larger uploads are refused with a message.
COUNCIL_ATTACHMENT_MAX_BYTES = env.int("COUNCIL_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
# Files attached to journal entries (programmes, presentations, photos).
JOURNAL_ATTACHMENT_MAX_BYTES = env.int("JOURNAL_ATTACHMENT_MAX_BYTES", default=20 * 1024 * 1024)
# How many trainees a pedagogue-master takes at once unless set for the master.
ROUTES_MASTER_CAPACITY = env.int("ROUTES_MASTER_CAPACITY", default=5)
# How many days before an agreement runs out the network pages warn about it.
NETWORKS_AGREEMENT_EXPIRY_DAYS = env.int("NETWORKS_AGREEMENT_EXPIRY_DAYS", default=60)
NETWORKS_FILE_MAX_BYTES = env.int("NETWORKS_FILE_MAX_BYTES", default=20 * 1024 * 1024)
ROUTES_EVIDENCE_MAX_BYTES = env.int("ROUTES_EVIDENCE_MAX_BYTES", default=20 * 1024 * 1024)
# Documents of school innovation projects (orders, protocols, analyses, plans).
INNOVATION_DOCUMENT_MAX_BYTES = env.int("INNOVATION_DOCUMENT_MAX_BYTES",
                                        default=20 * 1024 * 1024)
# Reports that evidence an occurrence of a plan's item.
PLANS_REPORT_MAX_BYTES = env.int("PLANS_REPORT_MAX_BYTES", default=20 * 1024 * 1024)
# Downloads of guarded files (core/downloads.py). With PORTAL_X_ACCEL=1, behind the nginx of
# deploy/nginx/portal.conf, the view checks who may have the file and nginx sends its bytes
# from the internal location PORTAL_X_ACCEL_LOCATION, which serves MEDIA_ROOT.
PORTAL_X_ACCEL = env.bool("PORTAL_X_ACCEL", default=False)
PORTAL_X_ACCEL_LOCATION = env("PORTAL_X_ACCEL_LOCATION", default="/protected-media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="stazhirovki@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers. The pages load nothing from elsewhere and carry no
# inline scripts or styles, so the policy can be strict.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Preloading HSTS binds the whole registered domain (the department's, not
# only the portal's), so it stays its owner's decision: SECURE_HSTS_PRELOAD=1.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers and monitoring ask the web nodes directly over plain HTTP; the checks carry
# no data, so they answer there instead of redirecting to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^health/live/$", r"^health/ready/$"]

# The REST API for regional systems (api/): tokens of service accounts or the signed-in
# user's session, Russian problem details for every error, cursor pages of API_PAGE_SIZE
# rows, and API_THROTTLE_RATE requests per token (or per user) — «1000/hour», «60/min».
API_PAGE_SIZE = env.int("API_PAGE_SIZE", default=100)
API_THROTTLE_RATE = env("API_THROTTLE_RATE", default="1000/hour")
# Items in one bulk write (all or nothing in one transaction, as an Excel upload).
API_BULK_MAX_ITEMS = env.int("API_BULK_MAX_ITEMS", default=10_000)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.BearerTokenAuthentication",
        "api.authentication.PortalSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.TokenScopePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api": API_THROTTLE_RATE},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.StableCursorPagination",
    "PAGE_SIZE": API_PAGE_SIZE,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API портала «Стажировки»",
    "DESCRIPTION": (
        "Данные портала для региональных информационных систем и систем управления "
        "школой. Доступ — по токену служебной учётной записи (`Authorization: Bearer …`), "
        "который специалист управления образования выпускает на странице «Токены API», "
        "или по сеансу вошедшего пользователя. Ошибки — в формате RFC 9457 "
        "(application/problem+json)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema is read by the same callers as the API: a token or a signed-in user.
    "SERVE_PERMISSIONS": ["api.permissions.TokenScopePermission"],
    "SCHEMA_PATH_PREFIX": r"/api/v1/",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets named ``kind`` (and ``level``) in several apps: one name each.
    "ENUM_NAME_OVERRIDES": {
        "PartnerKindEnum": "networks.models.PartnerKind",
        "AgreementKindEnum": "networks.models.AgreementKind",
        "PlanKindEnum": "plans.models.PlanKind",
        "BankKindEnum": "registers.models.BankKind",
        "ProductKindEnum": "registers.models.ProductKind",
        "NormativeLevelEnum": "registers.models.Level",
        "LevelEnum": "teams.models.SchoolLevel",
        "JointReportPartStatusEnum": "networks.models.PartStatus",
    },
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "api.schema.add_problem_responses"],
    # The schema pages load their scripts from the portal itself.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Background jobs. Without CELERY_BROKER_URL the queue is a folder on disk,
# served by the worker that `make run` starts: real jobs, no server.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="filesystem://")
CELERY_QUEUE_DIR = Path(env.path("CELERY_QUEUE_DIR", default=BASE_DIR / "var" / "celery"))
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_QUEUE_DIR / "queue"),
        "data_folder_out": str(CELERY_QUEUE_DIR / "queue"),
        # Without it kombu keeps exchange bindings in ./control of whatever
        # directory the process was started from.
        "control_folder": str(CELERY_QUEUE_DIR / "control"),
        "processed_folder": str(CELERY_QUEUE_DIR / "processed"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = env(
        "CELERY_RESULT_BACKEND", default=f"file://{CELERY_QUEUE_DIR / 'results'}"
    )
else:
    CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL)
    # Without a timeout, a Redis that stops answering but keeps the connection open (a
    # frozen server, a firewall dropping packets) holds a publish, and so the page where
    # a report is ordered, forever. The worker waits for tasks with BRPOP for a second at
    # a time, well inside it.
    _BROKER_SOCKET_TIMEOUT = env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=2.0)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": _BROKER_SOCKET_TIMEOUT,
        "socket_timeout": _BROKER_SOCKET_TIMEOUT,
    }
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = 3600
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=30 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=25 * 60)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# A distribution proposal still queued or computing this many minutes after the request
# has lost its worker or queue: a periodic task marks it failed.
PROPOSAL_STALE_MINUTES = env.int("PROPOSAL_STALE_MINUTES", default=60)

# Reports (reports/jobs.py). A build longer than REPORT_TIME_LIMIT seconds is stopped;
# a job still «формируется» REPORT_STALE_MARGIN_MINUTES after that lost its worker and
# is given up by the cleanup. Finished jobs and their files are kept
# REPORT_RETENTION_DAYS days.
REPORT_TIME_LIMIT = env.int("REPORT_TIME_LIMIT", default=10 * 60)
REPORT_SOFT_TIME_LIMIT = env.int("REPORT_SOFT_TIME_LIMIT", default=9 * 60)
REPORT_STALE_MARGIN_MINUTES = env.int("REPORT_STALE_MARGIN_MINUTES", default=5)
REPORT_QUEUED_EXPIRY_HOURS = env.int("REPORT_QUEUED_EXPIRY_HOURS", default=24)
REPORT_RETENTION_DAYS = env.int("REPORT_RETENTION_DAYS", default=30)
# Seconds one PDF may take to lay out (reports/pdf/render.py); a longer one is killed.
REPORT_RENDER_SECONDS = env.int("REPORT_RENDER_SECONDS", default=120)
# The portal's address as people open it: links in e-mails sent by background jobs.
PORTAL_BASE_URL = env("PORTAL_BASE_URL", default="http://127.0.0.1:8000")

# Excel uploads (diagnostics/imports/jobs.py) are checked and loaded by the worker. A load
# longer than IMPORT_TIME_LIMIT seconds is stopped (nothing is written); a job still
# running IMPORT_STALE_MARGIN_MINUTES later, or still queued after
# IMPORT_QUEUED_LIMIT_MINUTES, lost its worker and shows as interrupted. Finished jobs and
# their row reports are kept IMPORT_RETENTION_DAYS days.
IMPORT_TIME_LIMIT = env.int("IMPORT_TIME_LIMIT", default=15 * 60)
IMPORT_SOFT_TIME_LIMIT = env.int("IMPORT_SOFT_TIME_LIMIT", default=14 * 60)
IMPORT_STALE_MARGIN_MINUTES = env.int("IMPORT_STALE_MARGIN_MINUTES", default=5)
IMPORT_QUEUED_LIMIT_MINUTES = env.int("IMPORT_QUEUED_LIMIT_MINUTES", default=60)
IMPORT_RETENTION_DAYS = env.int("IMPORT_RETENTION_DAYS", default=30)

# Periodic tasks, run by `celery beat` (`make run` starts it inside the worker).
CELERY_BEAT_SCHEDULE = {
    # Distribution proposals whose worker or queue was lost (distribution/proposals.py).
    "distribution-expire-stale": {
        "task": "distribution.expire_stale_proposals",
        "schedule": 15 * 60,
    },
    "reports-cleanup": {
        "task": "reports.cleanup_reports",
        "schedule": 15 * 60,
    },
    "imports-cleanup": {
        "task": "diagnostics.cleanup_imports",
        "schedule": 15 * 60,
    },
    # The monitoring report of every control point just over (reports/schedule.py).
    "reports-scheduled-monitoring": {
        "task": "reports.run_due_monitoring",
        "schedule": crontab(hour=7, minute=0),
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(
    env.path("CELERY_BEAT_SCHEDULE_FILENAME", default=BASE_DIR / "var" / "celerybeat-schedule")
)

# Seconds the /health/ page waits for the worker to answer a ping.
HEALTH_WORKER_TIMEOUT = env.float("HEALTH_WORKER_TIMEOUT", default=3.0)
HEALTH_READY_CACHE_SECONDS = env.int("HEALTH_READY_CACHE_SECONDS", default=5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint reports every layout step at INFO; its warnings and errors still show.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
