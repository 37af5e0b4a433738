from django.urls import path

from ..views import packages
from ..views import solution_finder as views

urlpatterns = [
    path("", views.landing, name="solution-finder"),
    path("start/", views.start, name="solution-finder-start"),
    path("<int:pk>/", views.application, name="application"),
    path("<int:pk>/continue/", views.continue_application, name="application-continue"),
    path("<int:pk>/edit/<slug:step>/", views.step, name="application-step"),
    path("<int:pk>/attachments/done/", views.mark_attachments_done, name="application-attachments-done"),
    path("<int:pk>/attachments/<int:attachment>/", views.attachment, name="application-attachment"),
    path(
        "<int:pk>/attachments/<int:attachment>/remove/",
        views.remove_attachment,
        name="application-attachment-remove",
    ),
    path("<int:pk>/review/", views.review, name="application-review"),
    path("<int:pk>/step/", views.take_step_view, name="application-transition"),
    path("<int:pk>/messages/", views.post_message, name="application-message"),
    path("<int:pk>/messages/<int:message>/attachment/", views.message_attachment, name="message-attachment"),
    path("introductions/<int:pk>/step/", views.introduction_step, name="introduction-transition"),
    path("<int:pk>/packages/new/", packages.edit, name="package-new"),
    path("<int:pk>/packages/<int:package>/", packages.detail, name="package"),
    path("<int:pk>/packages/<int:package>/edit/", packages.edit, name="package-edit"),
    path(
        "<int:pk>/packages/<int:package>/indicators/<int:indicator>/readings/",
        packages.record_reading,
        name="package-reading",
    ),
    path("<int:pk>/packages/<int:package>/publish/", packages.publish, name="package-publish"),
]
