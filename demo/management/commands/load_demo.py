from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.build import build_demo


class Command(BaseCommand):
    help = "Loads the demo neighbourhood Mühlbach-Süd (idempotent) and prints the demo logins."

    def handle(self, *args, **options):
        if not getattr(settings, "QUARTIER_DEMO_ALLOWED", False):
            raise CommandError(
                "Refusing to load demo content: these settings do not allow it "
                "(production settings never do)."
            )
        result = build_demo()
        verb = "Loaded" if result["created"] else "Checked"
        self.stdout.write(self.style.SUCCESS(f"{verb} the demo neighbourhood Mühlbach-Süd."))
        self.stdout.write(
            "\nDemo logins (fictional people; http://127.0.0.1:8000/de/accounts/login/):"
        )
        for login in result["logins"]:
            self.stdout.write(
                f"  {login['role']:<9} {login['email']}  password: {login['password']}"
            )
            if "recovery_codes" in login:
                codes = ", ".join(login["recovery_codes"])
                self.stdout.write(f"            MFA recovery codes (one-time): {codes}")
                self.stdout.write(
                    f"            or add TOTP secret {login['totp_secret']} to an app"
                )
        if result["voting_codes"]:
            self.stdout.write(
                f"\nVoting codes for {result['code_vote_path']}abstimmen/ "
                f"(one-time, no account needed): {', '.join(result['voting_codes'])}"
            )
