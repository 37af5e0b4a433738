"""Add synthetic published Exchange projects until it holds TOTAL: python -m bench.projects 20000.

Titles and summaries are drawn from a smart-city vocabulary, so a word such as "traffic" matches
a realistic share of projects (a few per cent), not all or none; each project gets one to three
areas, a stage, years, a budget, two or three indicators and its search document, as sharing
one would. Then the table is analysed, so the planner sees the rows that are there.
"""

import random
import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402

from organisations.models import Organisation, OrganisationKind  # noqa: E402
from programs.models import Area, Project, ProjectIndicator, Stage  # noqa: E402
from programs.search import DocumentVector, search_document  # noqa: E402
from programs.workflow import PROJECT_SHARING, PUBLIC  # noqa: E402

# Words per area: what a project in that area is about.
TOPICS = {
    "public-transportation": ["bus rapid transit", "tram line", "bus priority", "fare card", "metro app"],
    "traffic-management": ["traffic signal", "traffic control centre", "congestion charge", "smart parking"],
    "water-management": ["leak detection", "smart water meters", "flood sensors", "rainwater reuse"],
    "energy-efficiency": ["LED street lighting", "building energy audit", "district heating", "smart grid"],
    "waste-management": ["waste collection routing", "smart bins", "food waste composting"],
    "e-government": ["one-stop service portal", "digital identity", "open data portal", "e-procurement"],
    "healthcare": ["telemedicine", "ambulance dispatch", "health records platform", "air quality alerts"],
    "public-safety": ["CCTV analytics", "emergency call centre", "disaster early warning"],
    "education": ["digital classrooms", "coding for girls", "public library wifi"],
    "civic-engagement": ["participatory budgeting", "citizen reporting app", "city chatbot"],
}
OPENINGS = ["Smart", "Open", "Integrated", "Citywide", "Data-driven", "Green", "Low-cost", "Pilot"]
CLAUSES = [
    "cut waiting times for residents",
    "shortened journeys on the main corridors",
    "lowered the city's energy bill",
    "gave the council real-time data",
    "was co-designed with residents and local start-ups",
    "reached older people and people with disabilities",
    "was financed by a development bank loan",
    "reused open-source software from another member city",
    "trained municipal staff in data analysis",
    "replaced paper forms with online services",
]
INDICATORS = [
    ("Average journey time", "minutes"),
    ("CO2 emissions", "tonnes per year"),
    ("Residents served", "people"),
    ("Water lost to leaks", "%"),
    ("Energy use", "MWh per year"),
    ("Online service requests", "per month"),
    ("Satisfaction", "%"),
]


def main(total):
    missing = total - Project.objects.count()
    if missing <= 0:
        print(f"Already {Project.objects.count()} projects; nothing to add.")
        return
    rng = random.Random(2020)  # the same rows on every run
    areas = {area.slug: area for area in Area.objects.all()}
    topics = [(slug, topic) for slug, words in TOPICS.items() if slug in areas for topic in words]
    member_cities = Organisation.objects.filter(kind=OrganisationKind.LOCAL_GOVERNMENT, member__isnull=False)
    cities = list(member_cities.order_by("pk")[:2000])
    stages = list(Stage.values)
    start = Project.objects.count()
    projects, links, indicators = [], [], []
    for number in range(start + 1, start + missing + 1):
        slug, topic = rng.choice(topics)
        city = cities[number % len(cities)]
        title = f"{rng.choice(OPENINGS)} {topic} in {city.name} ({number})"
        summary = f"The city introduced {topic}. " + " ".join(
            f"It {clause}." for clause in rng.sample(CLAUSES, 3)
        )
        chosen = {slug, *rng.sample(sorted(areas), rng.randrange(0, 3))}
        start_year = rng.randrange(2008, 2024)
        project = Project(
            title=title,
            title_folded=title.casefold(),  # bulk_create skips Project.save()
            slug=f"synthetic-project-{number:05d}",
            city=city,
            summary=summary,
            stage=rng.choice(stages),
            start_year=start_year,
            end_year=start_year + rng.randrange(0, 5) if rng.random() < 0.6 else None,
            budget_amount=rng.randrange(10, 5000) * 1000,
            budget_currency="USD",
            outcomes=f"{rng.choice(CLAUSES).capitalize()}.",
            status=PROJECT_SHARING.state_with(PUBLIC),
        )
        project.search_document = search_document(
            title,
            summary,
            project.outcomes,
            city.name,
            city.country.name,
            *(areas[area].name for area in chosen),
        )
        projects.append(project)
        links.append(chosen)
    Project.objects.bulk_create(projects, batch_size=2000)
    Project.objects.filter(search_vector__isnull=True).update(
        search_vector=DocumentVector(F("search_document"))
    )
    through = Project.areas.through
    Project.areas.through.objects.bulk_create(
        [
            through(project_id=project.pk, area_id=areas[slug].pk)
            for project, chosen in zip(projects, links, strict=True)
            for slug in chosen
        ],
        batch_size=5000,
    )
    for project in projects:
        for position, (name, unit) in enumerate(rng.sample(INDICATORS, rng.randrange(2, 4))):
            baseline = rng.randrange(10, 1000)
            indicators.append(
                ProjectIndicator(
                    project=project,
                    name=name,
                    unit=unit,
                    baseline=baseline,
                    target=baseline * rng.uniform(0.5, 1.5),
                    achieved=baseline * rng.uniform(0.5, 1.5) if rng.random() < 0.7 else None,
                    position=position,
                )
            )
    ProjectIndicator.objects.bulk_create(indicators, batch_size=5000)
    with connection.cursor() as cursor:
        # The cities too: a filter by region joins them, and the planner must know how many there are.
        cursor.execute(
            "ANALYZE programs_project, programs_project_areas, programs_projectindicator, "
            "organisations_organisation, members_member"
        )
    print(f"Added {missing} synthetic projects; {Project.objects.count()} in all.")


if __name__ == "__main__":
    main(int(sys.argv[1]))
