using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Text travels compressed (Brotli, else gzip) on HTTP and HTTPS alike: pages, JSON and problem details, styles,
/// scripts, SVG and the calendar feed. Word, Excel and PDF files are ZIP or deflate inside already and are sent as they
/// are. Why HTTPS compression is safe here (BREACH) is decision 0034: the antiforgery token is encrypted afresh for every
/// response, and the page that shows a new API token's secret opts out all the same (<see cref="DoNotCompressAttribute"/>). Static files under wwwroot get a year's immutable lifetime when their URL
/// carries the current version (<c>asp-append-version</c>), an hour otherwise.
/// </summary>
public static class Compression
{
    /// <summary>Media types compressed; anything else (documents, images other than SVG) is sent as it is.</summary>
    public static readonly string[] MimeTypes =
    [
        "text/html", "text/plain", "text/css", "text/javascript", "application/javascript", "application/json",
        "application/problem+json", "image/svg+xml", "text/calendar", "application/xml", "text/xml",
    ];

    public static IServiceCollection AddWebCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = MimeTypes;
        });

        // "Optimal" is Brotli quality 4 and gzip level 6, not the slow quality 11: the programme page in 25-30 KiB
        // (docs/performance.md), under the 40 KiB goal that "Fastest" may miss.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// After <see cref="HeadRequests.UseHeadAsGet"/> (a HEAD answer names the same encoding as its GET) and before the
    /// error handling and static files: error answers and static files are compressed too. Pages and endpoints are
    /// compressed by <see cref="UseWebCompressionOfCachedPages"/> inside the output cache; this one then sees a
    /// <c>Content-Encoding</c> and passes the bytes through.
    /// </summary>
    public static IApplicationBuilder UseWebCompression(this IApplicationBuilder app) => app.UseResponseCompression();

    /// <summary>
    /// After the output cache: a page is compressed before the cache stores it, so the cache keeps the bytes as they
    /// travel, one entry per encoding (<see cref="EncodingFor"/> is in the public pages' cache key), and a replay is
    /// copied, not compressed again (docs/decisions/0051). A cached page is an anonymous reader's and sets no cookie: no
    /// secret sits in it (decision 0034).
    /// </summary>
    public static IApplicationBuilder UseWebCompressionOfCachedPages(this IApplicationBuilder app) => app.UseResponseCompression();

    /// <summary>
    /// The encoding the response compression will choose for this request ("br", "gzip"), "identity" for none: the
    /// same choice as the middleware's, so a cache entry keyed on it holds bytes in that encoding.
    /// </summary>
    public static string EncodingFor(HttpContext context)
    {
        var compression = context.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        return compression.CheckRequestAcceptsCompression(context) && compression.GetCompressionProvider(context) is { } provider
            ? provider.EncodingName
            : "identity";
    }

    /// <summary>Versioned URLs (<c>?v=</c> equal to the file's current hash) are cached for a year, others for an hour.</summary>
    public static IApplicationBuilder UseWebStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = context =>
        {
            var http = context.Context;
            var versions = http.RequestServices.GetRequiredService<IFileVersionProvider>();
            var requested = http.Request.Query["v"];
            var current = versions.AddFileVersionToPath(http.Request.PathBase, http.Request.Path.Value ?? "");
            var versioned = requested.Count == 1 && current.EndsWith($"?v={requested}", StringComparison.Ordinal);
            http.Response.Headers.CacheControl = versioned ? ImmutableYear : AnHour;
        },
    });

    public const string ImmutableYear = "public, max-age=31536000, immutable";

    public const string AnHour = "public, max-age=3600";

    /// <summary>Declares a response as carrying a secret beside what the user sent: never compressed on HTTPS.</summary>
    public static void DoNotCompress(this HttpContext context)
    {
        if (context.Features.Get<IHttpsCompressionFeature>() is { } feature)
        {
            feature.Mode = HttpsCompressionMode.DoNotCompress;
        }
    }
}

/// <summary>The page's responses are never compressed over HTTPS (decision 0034: a secret shown beside user input).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DoNotCompressAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        context.HttpContext.DoNotCompress();
        return next();
    }
}
