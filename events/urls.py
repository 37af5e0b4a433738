from django.urls import path

from .views import calendars, public, registration, staff

app_name = "events"

urlpatterns = [
    path("", public.upcoming, name="upcoming"),
    path("past/", public.past, name="past"),
    path("archive/", public.archive, name="archive"),
    path("archive/<int:year>/", public.year, name="year"),
    path("calendar.ics", calendars.calendar_feed, name="calendar"),
    path("feed/", calendars.atom_feed, name="feed"),
    path("networks/", public.networks, name="networks"),
    path("networks/<slug:slug>/", public.network, name="network"),
    path("registration/<str:token>/", registration.registration, name="registration"),
    path("registration/<str:token>/event.ics", registration.registration_ics, name="registration_ics"),
    path("confirm/<str:token>/", registration.confirm_address, name="confirm_address"),
    path("<slug:slug>/", public.event, name="event"),
    path("<slug:slug>/event.ics", calendars.event_ics, name="event_ics"),
    path("<slug:slug>/materials/<int:pk>/", public.material, name="material"),
    path("<slug:slug>/register/", registration.register, name="register"),
    path("<slug:slug>/register/check-your-mail/", registration.check_your_mail, name="check_your_mail"),
    path("<slug:slug>/check-in/", staff.check_in, name="check_in"),
    path("<slug:slug>/attendees.csv", staff.attendees_csv, name="attendees_csv"),
    path("<slug:slug>/attendance/", staff.import_attendance, name="import_attendance"),
]
