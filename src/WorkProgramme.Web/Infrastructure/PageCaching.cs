using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using WorkProgramme.Application.Features.Audit;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// The public pages are rendered once per state of the record, language and query, and then served from memory to
/// anonymous readers. The state is the newest audit row (<see cref="LatestChange.Stamp"/>), so a change made through this
/// instance shows at the next request, and one made through another instance or <c>wp</c> within a second, without any
/// message between instances. Signed-in users, requests that set a cookie and anything but GET/HEAD are never cached (the output
/// cache's default policy). Entries also expire after a minute: "overdue" and "next session" follow the date. An entry
/// holds the page compressed in the encoding its reader accepts (<see cref="Compression.UseWebCompressionOfCachedPages"/>):
/// one entry per encoding (br, gzip, identity), so a replay is a copy, never a compression.
/// </summary>
public static class PageCaching
{
    public const string PublicRecord = "public-record";

    public static IServiceCollection AddWebPageCaching(this IServiceCollection services) =>
        services.AddOutputCache(options => options.AddPolicy(PublicRecord, policy => policy
            .Expire(TimeSpan.FromMinutes(1))
            .VaryByValue(async (context, cancellationToken) => new KeyValuePair<string, string>("record",
                await context.RequestServices.GetRequiredService<LatestChange.Stamp>().CurrentAsync(cancellationToken)))
            .VaryByValue(_ => new KeyValuePair<string, string>("language", CultureInfo.CurrentUICulture.Name))
            .VaryByValue(context => new KeyValuePair<string, string>("encoding", Compression.EncodingFor(context)))));
}
