from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("", views.assignments, name="assignments"),
    path("<int:pk>/", views.assignment, name="assignment"),
    path("<int:pk>/score/", views.score, name="score"),
    path("<int:pk>/conflict/", views.declare_conflict, name="conflict"),
]
