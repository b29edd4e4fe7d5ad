from django.core.management.base import BaseCommand

from demo.diagnostics import load_demo_diagnostics
from demo.ermakovsky import load_ermakovsky
from demo.ermakovsky_aspects import load_ermakovsky_aspects
from demo.ermakovsky_mutual import load_ermakovsky_mutual
from demo.joint_reports import load_joint_reports
from demo.krymsky import load_demo
from demo.krymsky_chain import load_demo_chain
from demo.krymsky_handbook import load_demo_handbook
from demo.krymsky_registers import load_krymsky_registers
from demo.krymsky_years import load_demo_years
from demo.networks import TIMASHEVSK_TITLE as TIMASHEVSK_NETWORK
from demo.networks import VYSELKI_TITLE as VYSELKI_NETWORK
from demo.networks import load_networks
from demo.novokubansk import load_novokubansk
from demo.novokubansk_diagnostics import load_novokubansk_diagnostics
from demo.plans_timashevsk import load_timashevsk_plans
from demo.plans_vyselki import load_vyselki_plans
from demo.timashevsk import PROGRAMME as TIMASHEVSK_PROGRAMME
from demo.timashevsk import load_timashevsk
from demo.vyselki import MUNICIPALITY as VYSELKI
from demo.vyselki import PROGRAMME as VYSELKI_PROGRAMME
from demo.vyselki import load_vyselki
from demo.vyselki_contests import load_vyselki_contests
from internships.models import Programme
from networks.models import Network
from teams.models import Municipality


class Command(BaseCommand):
    help = ("Загружает демонстрационные данные: Крымский район (стажировки 2021–2024, "
            "диагностика), Тимашевский район (педагоги, площадки, модульные программы), "
            "Выселковский район (инновационные проекты школ), Ермаковский район (организации "
            "и кадровый состав), Новокубанский район (специалисты ЦРО и паспорт проекта), "
            "межмуниципальные сети трёх районов и планы мероприятий.")

    def handle(self, *args, **options):
        counts = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Демо-данные загружены: организаций — {counts['organizations']}, "
                f"распределений — {counts['placements']}."
            )
        )
        diagnostics = load_demo_diagnostics()
        self.stdout.write(
            f"Диагностика: дефицитов в стартовом каталоге — {diagnostics['deficits']} "
            "(формулировки-шаблоны: уточните их), "
            f"диагностик — {diagnostics['rounds']}."
        )
        open_rounds = diagnostics["open_rounds"]
        if open_rounds:
            titles = " и ".join(f"«{r.title}»" for r in open_rounds)
            first = open_rounds[0]
            self.stdout.write(
                f"Для пробы открыт приём результатов диагностик {titles}: "
                f"с {first.entry_opens:%d.%m.%Y} по {first.entry_closes:%d.%m.%Y} "
                "(сроки сдвигаются к дате каждой загрузки). Приём остальных диагностик "
                "закрыт — их результаты может вносить только управление образования "
                "(пользователь staff)."
            )
        chain = load_demo_chain()
        if chain["entries"]:
            self.stdout.write(
                f"Связь «дефицит — мероприятие — результат» (демонстрационные данные 2021–2022): "
                f"мероприятий — {chain['entries']}, результатов диагностики — "
                f"{chain['diagnoses']}."
            )
        years = load_demo_years()
        if years:
            self.stdout.write(
                "Учебные годы проекта (распределений): "
                + ", ".join(f"{title} ({count})" for title, count in years["periods"])
                + f"; мероприятий по планам — {years['entries']}, пропущено пунктов плана — "
                f"{years['missed']}; переводов — {years['transfers']}; результатов диагностик "
                f"после 2022 года — {years['diagnoses']}; показателей мониторинга школ — "
                f"{years['indicators']}. Иллюстративные данные."
            )
        handbook = load_demo_handbook()
        self.stdout.write(f"Методическое пособие Крымского района: разделов текста — "
                          f"{handbook['texts']} (по тексту инновационного проекта; гриф "
                          f"титульного листа иллюстративный).")
        registers = load_krymsky_registers()
        self.stdout.write(
            f"Реестры Крымского района: нормативных документов проекта — "
            f"{registers['documents']} (по тексту проекта), программ стажировок в банке — "
            f"{registers['programmes']}, продуктов — {registers['products']} (методическое "
            "пособие дорожной карты). Авторы программ и выпуск пособия иллюстративные."
        )
        timashevsk = load_timashevsk()
        self.stdout.write(
            f"Тимашевский район: организаций — {timashevsk['organizations']}, "
            f"площадок для педагогов — {timashevsk['platforms']}, "
            f"модульных программ — {timashevsk['programmes']}, "
            f"педагогов — {timashevsk['teachers']}, из них молодых — {timashevsk['young']}. "
            "Педагоги вымышлены."
        )
        vyselki = load_vyselki()
        self.stdout.write(
            f"Выселковский район: школ — {vyselki['schools']}, инновационных проектов — "
            f"{vyselki['projects']}, из них пилотных школ — {vyselki['pilot']}. Школы и их "
            "проекты иллюстративные; заявки «Инновационный поиск» проектов Выселковского и "
            "Крымского районов — из их паспортов."
        )
        contests = load_vyselki_contests(Municipality.objects.get(name=VYSELKI))
        self.stdout.write(
            f"Выселковский район: конференция и конкурс «Инновационный поиск» — "
            f"{contests['contests']}, заявок — {contests['applications']}. Номинации, критерии "
            "и оценки экспертов иллюстративные."
        )
        networks = load_networks()
        self.stdout.write(
            f"Межмуниципальные сети (Крымский, Тимашевский, Выселковский районы): "
            f"{networks['networks']}, участников и партнёров — {networks['members']}, "
            f"соглашений — {networks['agreements']}, неподписанных сторон — "
            f"{networks['unsigned']}, мероприятий — {networks['events']}, участников "
            f"мероприятий — {networks['participants']}. Даты внутри месяцев, недостающие "
            "подписи и числа участников иллюстративные. Участник сети: din-staff (Динской "
            "район)."
        )
        joint = load_joint_reports()
        self.stdout.write(
            f"Совместный отчёт Выселковской сети за первое полугодие 2022 года: сдано частей — "
            f"{joint['submitted']} из {joint['parts']} (не сдал Мостовской район). Разделы, "
            "тексты частей и день срока сдачи иллюстративные."
        )
        timashevsk_plans = load_timashevsk_plans(
            Programme.objects.get(title=TIMASHEVSK_PROGRAMME),
            network=Network.objects.filter(title=TIMASHEVSK_NETWORK).first())
        vyselki_plans = load_vyselki_plans(Programme.objects.get(title=VYSELKI_PROGRAMME),
                                           network=Network.objects.filter(
                                               title=VYSELKI_NETWORK).first())
        self.stdout.write(
            f"Планы мероприятий: Тимашевский район — план развития и поддержки методической "
            f"сети (план сети ресурсного центра) и план-график 2020–2023 (пунктов — "
            f"{timashevsk_plans['items']}, из них "
            f"в плане-графике — {timashevsk_plans['schedule_items']}), Выселковский район — "
            f"дорожные карты пилотного проекта по этапам ({vyselki_plans['pilot_items']}) и "
            f"сетевого проекта 2021–2023 (план межмуниципальной сети, пунктов — "
            f"{vyselki_plans['roadmap_items']}); "
            f"пункты — по документам, отметки о проведении "
            f"({timashevsk_plans['held'] + vyselki_plans['held']}) иллюстративные."
        )
        ermakovsky = load_ermakovsky()
        self.stdout.write(
            f"Ермаковский район: организаций — {ermakovsky['organizations']}, строк кадрового "
            f"состава на 30.06.2021 — {ermakovsky['staffing']} (числа — из таблицы района; "
            "у Ойской СШ без категории 7 педагогов, как показывают её напечатанные доли)."
        )
        novokubansk = load_novokubansk()
        self.stdout.write(
            f"Новокубанский район: специалистов МБУ «ЦРО» — {novokubansk['specialists']}, из "
            f"них начальников отделов — {novokubansk['heads']} (по паспорту проекта); паспорт "
            f"проекта с этапами ({novokubansk['stages']}) и ожидаемыми результатами "
            f"({novokubansk['deliverables']}) — из документа. Отделы, ФИО специалистов "
            f"(вымышлены), курируемые направления и отметки о полученных результатах "
            f"({novokubansk['ticked']}) иллюстративные."
        )
        start = load_novokubansk_diagnostics()
        self.stdout.write(
            "Новокубанский район: стартовая диагностика готовности специалистов ЦРО к "
            "инновационной деятельности (названа в паспорте) — МБУ «ЦРО» записан в реестре "
            f"организаций, его специалисты — работники диагностики; области "
            f"({start['areas']}), демонстрационная шкала и уровни {start['diagnosed']} "
            "специалистов иллюстративные."
        )
        aspects = load_ermakovsky_aspects()
        self.stdout.write(
            f"Ермаковский район, карта проблем и эффективных решений 2021/2022: аспектов — "
            f"{aspects['aspects']} (по тексту проекта), формулировок организаций — "
            f"{aspects['statements']} от {aspects['organizations']} организаций, "
            f"не сопоставлено — {aspects['unlinked']}; кто какой аспект назвал и ранги "
            f"иллюстративные."
        )
        mutual = load_ermakovsky_mutual()
        self.stdout.write(
            f"Ермаковский район, «Взаимообучение ОО»: шесть критериев мониторинга по документу; "
            f"иллюстративные группы ответственных ({mutual['groups']}), подписи соглашения "
            f"о совместной деятельности ({mutual['signed']}), ответы на техническое задание "
            f"(первая часть сдана — {mutual['submitted']}, не начата — "
            f"{mutual['not_started']}), иллюстративные планы мероприятий ОО "
            f"({mutual['plans']}, опубликованы со ссылкой вида https://<школа>.example.ru/plan "
            f"— {mutual['published']}); вход школы — erm-school, методиста — erm-method."
        )
