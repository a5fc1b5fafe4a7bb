from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .models import NotificationPreference
from .models.notifications import FREQUENCIES, KINDS
from .notifications import read_unsubscribe_token


def _intranet_user(user):
    from intranet.rules import is_intranet_user

    return is_intranet_user(user)


class PreferencesForm(forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        current = dict(user.notification_preferences.values_list("kind", "frequency"))
        for kind, label in KINDS:
            if kind == "reports" and not user.has_perm("participation.moderate_proposal"):
                continue
            if kind == "intranet" and not _intranet_user(user):
                continue
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=FREQUENCIES,
                initial=current.get(kind, "immediate"),
                widget=forms.RadioSelect,
            )
        self.fields["language"] = forms.ChoiceField(
            label=_("Sprache der E-Mails"),
            choices=get_user_model()._meta.get_field("language").choices,
            initial=user.language,
        )


@login_required
def preferences(request):
    form = PreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        for kind, _label in KINDS:
            if kind in form.cleaned_data:
                NotificationPreference.objects.update_or_create(
                    user=request.user, kind=kind, defaults={"frequency": form.cleaned_data[kind]}
                )
        request.user.language = form.cleaned_data["language"]
        request.user.save(update_fields=["language"])
        messages.success(request, _("Ihre Einstellungen sind gespeichert."))
        return redirect("notifications_preferences")
    return render(request, "participation/notification_preferences.html", {"form": form})


@csrf_exempt  # one-click unsubscribe (RFC 8058) posts from the mail program, without a form
def unsubscribe(request, token):
    found = read_unsubscribe_token(token)
    if found is None:
        return render(request, "participation/unsubscribe.html", {"invalid": True}, status=400)
    user_id, kind = found
    labels = dict(KINDS)
    if kind not in labels:
        return render(request, "participation/unsubscribe.html", {"invalid": True}, status=400)
    done = False
    if request.method == "POST":
        NotificationPreference.objects.update_or_create(
            user_id=user_id, kind=kind, defaults={"frequency": "none"}
        )
        done = True
    return render(
        request, "participation/unsubscribe.html", {"kind_label": labels[kind], "done": done}
    )
