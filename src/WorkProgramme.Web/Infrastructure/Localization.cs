using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// French by default; <c>?culture=</c> first, then the cookie the language switch sets, then Accept-Language.
/// The interface and the content follow the same language.
/// </summary>
public static class Localization
{
    public static readonly CultureInfo[] Cultures = [new("fr"), new("en")];

    public static IServiceCollection AddWebLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddScoped<Display>();
        services.AddScoped<ChangeWords>();
        services.AddScoped<ReferenceLinks>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("fr");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" },
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        // Without this, Razor writes "é" as "&#xE9;": valid but unreadable in the page source and in tests.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    public static IApplicationBuilder UseWebLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>The name pages link to the language switch by.</summary>
    public const string SwitchEndpoint = "SwitchLanguage";

    /// <summary>GET /language?culture=en&amp;returnUrl=/...: remembers the choice in a cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language", (HttpContext context, string? culture, string? returnUrl) =>
        {
            Remember(context, Languages.TryParse(culture, out var chosen) ? chosen : Language.Fr);
            var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
                && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl
                : "~/";
            return Results.LocalRedirect(target);
        }).WithName(SwitchEndpoint).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    /// <summary>Sets the language of the next requests (the cookie the language switch, the sign-in and the profile write).</summary>
    public static void Remember(HttpContext context, Language language) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Code())),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });

    public static Language CurrentLanguage => Languages.FromCulture(CultureInfo.CurrentUICulture);
}
