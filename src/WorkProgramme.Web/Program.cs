using WorkProgramme.Application;
using WorkProgramme.Web.Api;
using WorkProgramme.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddWebLogging();

builder.Services.AddApplication();
builder.Services.AddWebAuthentication();
builder.Services.AddWebSingleSignOn();
builder.Services.AddWebLocalization();
builder.Services.AddWebErrorHandling();
builder.Services.AddWebPages();
builder.Services.AddWebOpenApi();
builder.Services.AddWebInstances();
builder.Services.AddWebHealth();
builder.Services.AddWebHardening();
builder.Services.AddWebPageCaching();
builder.Services.AddWebMail();
builder.Services.AddWebDocumentWarming();
builder.Services.AddWebCompression();

var app = builder.Build();

await app.InitializeDatabaseAsync();

app.UseWebProxy();
app.UseHeadAsGet();
app.UseWebCompression();
app.UseCorrelationId();

// Before the error handling, so that error answers and the error page speak the request's language.
app.UseWebLocalization();
app.UseWebErrorHandling();
app.UseWebHardening();
app.UseWebStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();
app.UseWebCompressionOfCachedPages();

app.MapLanguageSwitch();
app.MapRazorPages();
app.MapProgrammeApi();
app.MapDocumentDownloads();
app.MapAccountApi();
app.MapActivityApi();
app.MapRoundApi();
app.MapDecisionApi();
app.MapSpreadsheetDownloads();
app.MapRevisionApi();
app.MapInsightFeeds();
app.MapSearchApi();
app.MapOpenApi().AllowAnonymous();
app.MapHealth();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
