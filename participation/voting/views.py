"""The ballot, paper ballots, self-declaration and results, routed through ProcessPage."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core import ratelimit
from core.params import text_param
from core.refusals import require
from portal.accounts.models import User

from .. import rules
from ..models import Ballot, ProcessPage
from ..models.voting import BY_CODE, PAPER
from ..phases import Participants
from ..selectors import visitor_translations
from . import ballots, codes, exports, identity, modes, services, tally
from .forms import DeclarationForm

# Wrong voting codes: 20 per client (address, see core.ratelimit) and 20 per typed code in
# 10 minutes. Codes that work are never counted, and each limit stops only its own client or
# code, so nobody can lock other voters out.
CODE_ATTEMPTS = (20, 600)
CODE_ATTEMPTS_PER_CODE = (20, 600)


def yesno_choices():
    return [
        ("yes", _("Ja")),
        ("no", _("Nein")),
        ("abstain", _("Enthaltung")),
        ("", pgettext("Stimmzettel", "keine Angabe")),
    ]


def cookie_name(process):
    return f"quartier_vote_{process.pk}"


def _resumed(request, process):
    """A code voter's own ballot, found by the capability cookie set when it was cast."""
    token = request.COOKIES.get(cookie_name(process), "")
    if not token:
        return None
    ballot = Ballot.objects.filter(
        process=process, resume_digest=identity.resume_digest(token), times_cast__gt=0
    ).first()
    if ballot is None:
        return None
    return identity.Voter(key=ballot.voter_key, trust=BY_CODE, resume_token=token)


def _identity(request, process, by_code):
    if by_code:
        return _resumed(request, process)
    if request.user.is_authenticated:
        return identity.for_user(request.user, process)
    return None


def _entries(process, proposals, data=None, existing=None):
    """Each proposal with the value to show: what was sent, else what the ballot holds."""
    mode = process.voting_mode
    if data is not None:
        chosen = set(data.getlist("choose"))
        raw = {p.pk: (data.get(f"p-{p.pk}") or "").strip() for p in proposals}
    else:
        chosen = {str(pk) for pk in existing or {}}
        raw = {
            pk: modes.YESNO_NAMES.get(value, "") if mode == modes.YESNO else str(value)
            for pk, value in (existing or {}).items()
        }
    return [
        {"proposal": p, "checked": str(p.pk) in chosen, "value": raw.get(p.pk, "")}
        for p in proposals
    ]


def _lenient(process, data, proposals):
    """The valid part of what was sent, for showing what is left; never raises."""
    ids = {p.pk for p in proposals}
    try:
        return {pk: v for pk, v in modes.parse(process.voting_mode, data).items() if pk in ids}
    except modes.InvalidBallot:
        return {}


def _remaining(process, proposals, choices):
    budgets = {p.pk: p.requested_budget for p in proposals}
    return modes.remaining(process, choices, budgets)


def _ballot_proposals(process):
    return list(
        ballots.votable(process)
        .select_related("field_of_action")
        .prefetch_related(visitor_translations())
    )


def _end_of_voting(process):
    phase = process.phase_at()
    return phase.end if phase and phase.allows_vote else None


def _redeem_code(request, process, code_text):
    """The voter a typed code stands for: (voter or None, error, status)."""
    too_many = _("Zu viele Versuche. Bitte warten Sie einige Minuten.")
    client_scope = f"vote-code:{process.pk}"
    client = ratelimit.client_key(request)
    # Only a hash of the code goes into the cache key, never the code itself.
    code_scope = f"vote-code-text:{process.pk}"
    typed = ratelimit.secret_key(codes.normalise(code_text))
    if ratelimit.exceeded(client_scope, client, *CODE_ATTEMPTS) or ratelimit.exceeded(
        code_scope, typed, *CODE_ATTEMPTS_PER_CODE
    ):
        return None, too_many, 429
    try:
        return identity.for_code(codes.find(process, code_text)), "", 200
    except codes.CodeRefused as refused:
        if codes.normalise(code_text):  # sending the form without a code guesses nothing
            ratelimit.record(client_scope, client, CODE_ATTEMPTS[1])
            ratelimit.record(code_scope, typed, CODE_ATTEMPTS_PER_CODE[1])
        return None, refused.message, 400


def _cast(request, process, voter):
    """Cast the ballot sent and go to its receipt; raises Refused (nothing saved) if it
    cannot be counted."""
    canonical = process.canonical
    choices = modes.parse(canonical.voting_mode, request.POST)
    _ballot, token = ballots.cast(process=canonical, voter=voter, choices=choices)
    messages.success(
        request,
        _("Ihre Stimme ist gezählt. Sie können sie bis zum Ende der Abstimmung ändern."),
    )
    response = redirect(process.subpage_url("vote"))
    if token:
        _set_resume_cookie(response, canonical, token)
    return response


def ballot(request, process):
    canonical = process.canonical
    require(rules.can_vote(request.user, canonical), process)
    by_code = rules.voting_by_code(canonical)
    voter = _identity(request, canonical, by_code)
    code_text, error, status, data = "", "", 200, None
    if request.method == "POST":
        data = request.POST
        code_text = text_param(request.POST, "code", max_length=40)
        if by_code and voter is None:
            voter, error, status = _redeem_code(request, canonical, code_text)
        if voter is not None and "cast" in request.POST:
            try:
                return _cast(request, process, voter)
            except (modes.InvalidBallot, codes.CodeRefused) as refused:
                error, status = refused.message, 400
    context = process.get_context(request)
    context.update(
        _ballot_context(canonical, voter, data),
        by_code=by_code,
        code_text=code_text if voter is not None and voter.code is not None else "",
        typed_code=code_text,
        error=error,
        can_paper=rules.can_enter_paper_ballot(request.user, canonical),
    )
    return TemplateResponse(request, "participation/voting/ballot.html", context, status=status)


def _ballot_context(process, voter, data):
    """The ballot with what was sent (or what the voter's ballot holds) and what is left."""
    proposals = _ballot_proposals(process)
    existing = ballots.ballot_of(process, voter) if voter is not None else None
    existing_choices = ballots.current_choices(existing)
    choices = _lenient(process, data, proposals) if data is not None else existing_choices
    return {
        "proposals": proposals,
        "entries": _entries(process, proposals, data, existing_choices),
        "remaining": _remaining(process, proposals, choices),
        "voter": voter,
        "existing": existing,
        "existing_choices": existing_choices,
        "mode": process.voting_mode,
        "VotingMode": modes.VotingMode,
        "yesno_choices": yesno_choices(),
        "rules_page": process,
        "ends_at": _end_of_voting(process),
    }


def cast_entry(request, pk):
    """Where the ballot form posts: the same ballot view, reached without Wagtail's page
    routing (half the queries of a vote). Page privacy and publication still apply."""
    process = get_object_or_404(ProcessPage.objects.live().select_related("locale"), pk=pk)
    for restriction in process.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    if request.method != "POST":
        return redirect(process.subpage_url("vote"))
    request.refusal_page = process
    return ballot(request, process)


def _set_resume_cookie(response, canonical, token):
    ends = _end_of_voting(canonical)
    max_age = int((ends - timezone.now()).total_seconds()) if ends else 3600
    response.set_cookie(
        cookie_name(canonical),
        token,
        max_age=max(max_age, 60),
        path="/",  # the form posts to /<lang>/stimmabgabe/…, and every language version
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def remaining(request, process):
    """htmx: what is left while choosing. Saves nothing."""
    canonical = process.canonical
    if request.method != "POST" or not rules.can_vote(request.user, canonical):
        return HttpResponse(status=204)
    proposals = _ballot_proposals(canonical)
    context = {
        "remaining": _remaining(canonical, proposals, _lenient(canonical, request.POST, proposals)),
        "mode": canonical.voting_mode,
        "VotingMode": modes.VotingMode,
    }
    return TemplateResponse(request, "participation/voting/includes/remaining.html", context)


def _paper_voter(request, process):
    """The person a paper ballot is for: by voting code, or by the e-mail of their account."""
    code_text = text_param(request.POST, "code", max_length=40)
    email = text_param(request.POST, "email", max_length=254)
    if code_text:
        return identity.for_code(codes.find(process, code_text))
    if rules.voting_by_code(process):
        raise codes.CodeRefused(_("In diesem Verfahren wird mit Abstimmungscodes abgestimmt."))
    if not email:
        raise codes.CodeRefused(
            _("Bitte geben Sie den Abstimmungscode oder die E-Mail-Adresse der Person an.")
        )
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        raise codes.CodeRefused(_("Zu dieser E-Mail-Adresse gibt es kein Konto."))
    phase = process.phase_at()
    if phase.participants != Participants.REGISTERED and not rules.is_verified_resident(
        person, process
    ):
        raise codes.CodeRefused(
            _(
                "Diese Person ist nicht als Bewohner*in bestätigt. Bitte bestätigen Sie sie "
                "zuerst oder geben Sie ihr einen Abstimmungscode."
            )
        )
    return identity.for_user(person, process)


def paper_ballot(request, process):
    canonical = process.canonical
    require(rules.can_enter_paper_ballot(request.user, canonical), process)
    proposals = _ballot_proposals(canonical)
    error, status, data = "", 200, None
    if request.method == "POST":
        data = request.POST
        try:
            voter = _paper_voter(request, canonical)
            choices = modes.parse(canonical.voting_mode, request.POST)
            ballots.cast(
                process=canonical, voter=voter, choices=choices, channel=PAPER, actor=request.user
            )
        except (modes.InvalidBallot, codes.CodeRefused) as refused:
            error, status = refused.message, 400
        else:
            messages.success(request, _("Der Stimmzettel ist eingetragen."))
            return redirect(process.subpage_url("vote_paper"))
    choices = _lenient(canonical, data, proposals) if data is not None else {}
    context = process.get_context(request)
    context.update(
        proposals=proposals,
        entries=_entries(canonical, proposals, data, {}),
        remaining=_remaining(canonical, proposals, choices),
        error=error,
        mode=canonical.voting_mode,
        VotingMode=modes.VotingMode,
        yesno_choices=yesno_choices(),
        by_code=rules.voting_by_code(canonical),
        typed_code=(data or {}).get("code", ""),
        typed_email=(data or {}).get("email", ""),
    )
    return TemplateResponse(request, "participation/voting/paper.html", context, status=status)


def declare_residence(request, process):
    canonical = process.canonical
    require(rules.can_declare_residence(request.user, canonical), process)
    form = DeclarationForm(request.POST or None, process=canonical)
    if request.method == "POST" and form.is_valid():
        services.declare_residence(
            user=request.user,
            process=canonical,
            street=form.cleaned_data["street"],
            age_16=form.cleaned_data.get("age_16", False),
        )
        messages.success(
            request,
            _("Danke. Ihre Angabe ist gespeichert; Ihre Stimme wird als unbestätigt gezählt."),
        )
        return redirect(process.subpage_url("vote"))
    context = process.get_context(request)
    context.update(form=form)
    return TemplateResponse(request, "participation/voting/declare.html", context)


def results(request, process):
    canonical = process.canonical
    require(rules.can_see_results(request.user, canonical), process)
    voting_end = max(phase.end for phase in canonical.voting_phases())
    context = process.get_context(request)
    context.update(
        results=tally.tally(canonical),
        VotingMode=modes.VotingMode,
        final=timezone.now() >= voting_end,
        voting_end=voting_end,
        rules_page=canonical,
    )
    return TemplateResponse(request, "participation/voting/results.html", context)


def results_csv(request, process):
    canonical = process.canonical
    require(rules.can_see_results(request.user, canonical), process)
    return exports.results_csv(canonical, tally.tally(canonical))
