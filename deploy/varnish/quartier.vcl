vcl 4.1;
# Varnish in front of Quartier (see docs/operations.md, "Caching").
#
# It is a template: fill in the ${QUARTIER_*} placeholders with envsubst (Varnish's own
# syntax has no ${...}, so nothing else is touched):
#
#   export QUARTIER_VARNISH_BACKEND_HOST=127.0.0.1 QUARTIER_VARNISH_BACKEND_PORT=8080 \
#          QUARTIER_VARNISH_PURGERS='"127.0.0.1"; "10.0.0.0"/24;' \
#          QUARTIER_VARNISH_GRACE=6h
#   envsubst "$(env | sed -n 's/^\(QUARTIER_VARNISH_[A-Z_]*\)=.*/$\1/p')" \
#       < deploy/varnish/quartier.vcl > /etc/varnish/quartier.vcl
#   varnishd -a :6081 -f /etc/varnish/quartier.vcl -s malloc,256m
#
#   QUARTIER_VARNISH_BACKEND_HOST  address of what Varnish asks: nginx (deploy/nginx), or
#                                  one gunicorn instance (GUNICORN_BIND) without nginx
#   QUARTIER_VARNISH_BACKEND_PORT  its port
#   QUARTIER_VARNISH_PURGERS       ACL entries of the app servers that may send PURGE/BAN,
#                                  each `"address";` or `"network"/bits;`
#   QUARTIER_VARNISH_GRACE         how long a page is served stale while the backend is
#                                  down or slow (e.g. 6h)
#
# The application sends PURGE and BAN when something is published: set VARNISH_PURGE_URLS
# to this Varnish's address (e.g. http://127.0.0.1:6081; several, comma-separated) and add
# Varnish's address to TRUSTED_PROXIES (it appends the client to X-Forwarded-For).
# The host name of each Wagtail site (Settings > Sites) must be the public host name: a
# purge names the page by the site's host and the page's path.
#
# What it does:
# - POST and other writes, the admin, accounts, notifications, voting, the intranet,
#   documents and health checks go to the backend uncached (pass).
# - A request with a session cookie (someone logged in) or a messages cookie passes too.
#   Any other request loses its cookies (CSRF, tracking, consent banners) and is looked up
#   by host, URL and the HX-Request header.
# - Only answers with Cache-Control public/s-maxage/max-age are kept, for s-maxage; an
#   answer that sets a cookie, is private/no-cache/no-store, or has no Cache-Control is not.
# - PURGE <path>: every cached copy of this path on this host, with any query string.
#   BAN <path>: everything on this host below this path (BAN / = the whole host).
#   Only from QUARTIER_VARNISH_PURGERS; anyone else gets 403.
# - Grace: while the backend's /healthz fails, cached pages are served up to
#   QUARTIER_VARNISH_GRACE past their lifetime.
# - X-Varnish-Cache: hit | miss | pass on every answer (the app's own cache says X-Cache).

import std;

backend quartier {
    .host = "${QUARTIER_VARNISH_BACKEND_HOST}";
    .port = "${QUARTIER_VARNISH_BACKEND_PORT}";
    .connect_timeout = 5s;
    # gunicorn's timeout is 30 s (GUNICORN_TIMEOUT): its 500 still arrives.
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 35s;
    # Sick only after most probes of the last 25 s failed: the backend is nginx in front of
    # several app instances, so one instance lost (or a slow answer under load) must not take
    # every uncached page down with a 503; a backend that is really gone is sick in ~20 s.
    .probe = {
        .url = "/healthz";
        .timeout = 5s;
        .interval = 5s;
        .window = 5;
        .threshold = 2;
        .initial = 2;
    }
}

acl quartier_purgers {
    ${QUARTIER_VARNISH_PURGERS}
}

sub vcl_recv {
    set req.backend_hint = quartier;
    # Host without port: what PURGE and BAN name and the cached objects carry.
    set req.http.X-Quartier-Host = std.tolower(regsub(req.http.host, ":[0-9]+$", ""));

    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ quartier_purgers) {
            return (synth(403, "Forbidden"));
        }
        set req.http.X-Quartier-Path = regsub(req.url, "\?.*$", "");
        if (req.method == "PURGE") {
            ban("obj.http.X-Quartier-Host == " + req.http.X-Quartier-Host +
                " && obj.http.X-Quartier-Url ~ ^" + req.http.X-Quartier-Path + "(\?|$)");
        } else {
            ban("obj.http.X-Quartier-Host == " + req.http.X-Quartier-Host +
                " && obj.http.X-Quartier-Url ~ ^" + req.http.X-Quartier-Path);
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|_util|documents|healthz|readyz)(/|\?|$)" ||
        req.url ~ "^/[a-z]{2}(-[a-z0-9]+)?/(accounts|benachrichtigungen|stimmabgabe|intranet)(/|\?|$)") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;)\s*(sessionid|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;
    # A healthy backend: stale pages for 10 s at most while a fresh copy is fetched; a sick
    # one: the whole grace (beresp.grace).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.host);
    if (req.http.HX-Request) {
        hash_data(req.http.HX-Request);
    }
    return (lookup);
}

sub vcl_backend_response {
    # For bans (lurker-friendly: they test obj.* only); removed in vcl_deliver.
    set beresp.http.X-Quartier-Host = bereq.http.X-Quartier-Host;
    set beresp.http.X-Quartier-Url = bereq.url;
    set beresp.grace = ${QUARTIER_VARNISH_GRACE};
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie ||
        !beresp.http.Cache-Control ||
        beresp.http.Cache-Control ~ "(private|no-cache|no-store)" ||
        beresp.http.Vary == "*" ||
        beresp.status >= 500) {
        # Not cached; the next request goes to the backend at once (hit-for-miss).
        set beresp.ttl = 60s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    return (deliver);
}

sub vcl_backend_error {
    # The backend is unreachable and nothing stale is left: a plain 503 page.
    set beresp.http.Content-Type = "text/plain; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "30";
    synthetic("Die Seite ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal.");
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Quartier-Host;
    unset resp.http.X-Quartier-Url;
    if (obj.uncacheable) {
        set resp.http.X-Varnish-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.http.Cache-Control = "no-store";
    synthetic(resp.reason);
    return (deliver);
}
