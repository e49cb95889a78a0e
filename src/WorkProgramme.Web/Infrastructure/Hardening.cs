using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// What a public deployment needs around the pages: the reverse proxy's forwarded headers (from configured proxies
/// only), security headers, a limit on request sizes, and rate limits on sign-in, password reset and the API (HTTP 429).
/// Settings: <c>ReverseProxy:KnownProxies</c>, <c>ReverseProxy:KnownNetworks</c>, <c>Limits:MaxRequestBodyBytes</c>,
/// <c>RateLimits:SignInPerMinute</c>, <c>RateLimits:ApiPerMinute</c>.
/// </summary>
public static class Hardening
{
    /// <summary>Scripts and styles come from wwwroot only: no inline script, style or event handler is allowed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Settings are read from the built configuration (through options), so every source counts, tests' included.</summary>
    public static IServiceCollection AddWebHardening(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in List(configuration["ReverseProxy:KnownProxies"]))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in List(configuration["ReverseProxy:KnownNetworks"]))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Limits.MaxRequestBodySize = MaxBody(configuration));
        services.AddOptions<FormOptions>().Configure<IConfiguration>((options, configuration) => options.MultipartBodyLengthLimit = MaxBody(configuration));

        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IConfiguration, LinkGenerator>((options, configuration, links) =>
        {
            var signInPerMinute = configuration.GetValue<int?>("RateLimits:SignInPerMinute") ?? 10;
            var apiPerMinute = configuration.GetValue<int?>("RateLimits:ApiPerMinute") ?? 600;
            var signInPath = new Lazy<string>(() => links.PagePath("/Account/SignIn"));
            var resetPath = new Lazy<string>(() => links.PagePath("/Account/ForgottenPassword"));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                SecurityLog.RateLimited(SecurityLog.For(context.HttpContext), context.HttpContext.Request.Method,
                    context.HttpContext.Request.Path, SecurityLog.AddressOf(context.HttpContext));
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(signInPath.Value))
                {
                    // Per address: guessing passwords from one place is slowed; other people keep signing in.
                    return PerMinute($"sign-in:{client}", signInPerMinute);
                }

                if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(resetPath.Value))
                {
                    // The same limit for "forgotten password": nobody fills someone's mailbox, or probes addresses, from one place.
                    return PerMinute($"reset:{client}", signInPerMinute);
                }

                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    return PerMinute($"api:{client}", apiPerMinute);
                }

                return RateLimitPartition.GetNoLimiter("pages");
            });
        });
        return services;
    }

    /// <summary>First in the pipeline: the client's real address and scheme before anything reads them.</summary>
    public static IApplicationBuilder UseWebProxy(this IApplicationBuilder app) => app.UseForwardedHeaders();

    public static IApplicationBuilder UseWebHardening(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS requests only, which behind a proxy means X-Forwarded-Proto: https from a known proxy.
            app.UseHsts();
        }

        var maxBody = MaxBody(app.Configuration);
        var policy = SingleSignOn.ContentSecurityPolicy(app.Services);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";

            // Kestrel enforces its own limit; this one also holds in front of other servers and for declared lengths.
            if (context.Request.ContentLength > maxBody)
            {
                // Said in words: an editor uploading a file just over the limit must learn why nothing happened.
                SecurityLog.RequestTooLarge(SecurityLog.For(context), context.Request.Method, context.Request.Path,
                    context.Request.ContentLength.Value, SecurityLog.AddressOf(context));
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                var megabytes = maxBody / 1024 / 1024;
                if (ApiProblem.IsApi(context))
                {
                    await ApiProblem.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Requête trop volumineuse", "Request too large",
                        $"Le corps de la requête compte au plus {megabytes} Mo.", $"The request body has at most {megabytes} MB.");
                    return;
                }

                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(
                    $"Requête trop volumineuse (au plus {megabytes} Mo).\nRequest too large (at most {megabytes} MB).\n", context.RequestAborted);
                return;
            }

            await next(context);
        });
        return app;
    }

    private static long MaxBody(IConfiguration configuration) => configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 10 * 1024 * 1024;

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static IEnumerable<string> List(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
