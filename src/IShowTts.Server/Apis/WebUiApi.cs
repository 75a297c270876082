// The web UI's page routes: the static files live in wwwroot (served by the static-file middleware); this
// maps the pages' short paths (/overlay for OBS browser sources, /quality for the listening page) onto
// their HTML files. No API logic here: the pages use the public HTTP API like any other client.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IShowTts.Server.Apis;

internal static class WebUiApi
{
    public static IEndpointRouteBuilder MapWebUi(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/overlay", (HttpContext http) => RedirectKeepingQuery(http, "/overlay.html"));
        pages.MapGet("/quality", (HttpContext http) => RedirectKeepingQuery(http, "/quality.html"));
        return app;
    }

    private static IResult RedirectKeepingQuery(HttpContext http, string path) =>
        TypedResults.Redirect(path + http.Request.QueryString.Value);
}
