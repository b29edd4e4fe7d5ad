# Everyday commands of the portal. `make run` starts it with demo data,
# `make test` runs every test; both create the virtualenv when it is missing.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# Touched after a successful install: pip runs again only when a
# requirements file is newer than it.
REQUIREMENTS_STAMP := $(VENV)/.requirements-installed
CHROMIUM_PATH ?= /usr/bin/chromium

.PHONY: run test lint migrations-check venv api-schema screenshots

venv: $(REQUIREMENTS_STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(REQUIREMENTS_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -r requirements-dev.txt
	touch $@

# The embedded worker forks one child for its tasks (prefork): the solo pool would
# ignore the tasks' time limits.
# The development server's port: `make run PORT=8001` when 8000 is taken.
PORT ?= 8000

run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@mkdir -p var/log
	@echo
	@echo "Портал: http://127.0.0.1:$(PORT)"
	@echo "Демо-пользователи, пароль у всех: demo"
	@echo "  staff    — Ольга Викторовна Савченко, специалист управления образования: весь Крымский район"
	@echo "  curator  — Анна Анатольевна Пацюк, куратор площадок «Стажировка 2, 3, 6»"
	@echo "  school   — Сергей Николаевич Литвиненко, управленческая команда МБОУ СОШ № 4"
	@echo "  analyst  — Марина Игоревна Ткаченко, аналитик: весь Крымский район, отчёты"
	@echo "  tim-staff   — Елена Петровна Кравченко, специалист управления образования Тимашевского района"
	@echo "  tim-school  — Игорь Владимирович Бондаренко, управленческая команда МБОУ СОШ № 1 Тимашевского района"
	@echo "  tim-teacher — Татьяна Дмитриевна Матвеева, молодой педагог Тимашевского района («Мой маршрут»)"
	@echo "  tim-master  — Лариса Васильевна Максимова, её педагог-мастер («Мои стажёры»)"
	@echo "  vys-staff   — Иванова Н.А., управление образования Выселковского района (проекты школ)"
	@echo "  vys-curator — Ремель О.Л., ИМЦ Выселковского района, куратор проектов школ"
	@echo "  vys-school  — управленческая команда МБОУ СОШ № 1 Выселковского района"
	@echo "  vys-tutor   — тьютор проектов школ Выселковского района"
	@echo "  vys-expert1..3 — эксперты конкурса «Инновационный поиск» 2023 Выселковского района (оценка заявок)"
	@echo "  erm-staff   — Татьяна Николаевна Белова, управление образования Ермаковского района (кадровый состав)"
	@echo "Если порт $(PORT) занят, запустите на другом: make run PORT=номер (например, PORT=8001)"
	@echo "Фоновый обработчик (с расписанием периодических задач) пишет журнал в var/log/worker.log. Остановка: Ctrl+C."
	@echo
	@$(VENV)/bin/celery -A config worker -B --pool=prefork --concurrency=1 --loglevel=info \
		>>var/log/worker.log 2>&1 & \
	worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: venv
	@status=0; $(PY) -m pytest $(PYTEST_ARGS) || status=$$?; \
	if [ -x "$(CHROMIUM_PATH)" ]; then \
		echo "Браузерные тесты запускались (Chromium: $(CHROMIUM_PATH))."; \
	else \
		echo "Браузерные тесты пропущены: нет Chromium в $(CHROMIUM_PATH) (Debian: apt-get install chromium)."; \
	fi; \
	exit $$status

# Ruff (with the complexity limit) and import-linter's contract between the app layers.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

migrations-check: venv
	$(PY) manage.py makemigrations --check --dry-run

# The API's OpenAPI schema, pinned in tests/api/schema.yaml: after a deliberate change of
# the API, refresh it and review the diff (tests/api/test_schema.py compares the two).
api-schema: venv
	$(PY) manage.py spectacular --validate --fail-on-warn --file tests/api/schema.yaml

# PNGs of every page type, for every role, at 375 px and 1366 px, into var/screenshots/
# for review (the same walk as the accessibility test; needs Chromium).
screenshots: venv
	$(PY) -m pytest tests/browser/screenshots.py -q -s -p no:cacheprovider
