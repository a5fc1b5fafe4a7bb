from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from ..models import Frequency
from . import kind_label, kinds, read_unsubscribe_token, set_frequency


class PreferencesForm(forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        current = dict(user.notification_preferences.values_list("kind", "frequency"))
        for kind in kinds():
            if not kind.is_offered_to(user):
                continue
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                initial=current.get(kind.key, kind.default),
                widget=forms.RadioSelect,
                # A form opened before a new kind was registered still saves the others.
                required=False,
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
        stored = set(request.user.notification_preferences.values_list("kind", flat=True))
        for kind in kinds():
            chosen = form.cleaned_data.get(kind.key)
            # Left at the default, nothing is stored: a better default later reaches them too.
            if chosen and (kind.key in stored or chosen != kind.default):
                set_frequency(request.user.pk, kind.key, chosen)
        request.user.language = form.cleaned_data["language"]
        request.user.save(update_fields=["language"])
        messages.success(request, _("Ihre Einstellungen sind gespeichert."))
        return redirect("notifications_preferences")
    return render(request, "core/notification_preferences.html", {"form": form})


@csrf_exempt  # one-click unsubscribe (RFC 8058) posts from the mail program, without a form
def unsubscribe(request, token):
    found = read_unsubscribe_token(token)
    label = kind_label(found[1]) if found else None
    if label is None:
        return render(request, "core/unsubscribe.html", {"invalid": True}, status=400)
    user_id, kind = found
    done = False
    if request.method == "POST":
        set_frequency(user_id, kind, Frequency.NONE)
        done = True
    return render(request, "core/unsubscribe.html", {"kind_label": label, "done": done})
