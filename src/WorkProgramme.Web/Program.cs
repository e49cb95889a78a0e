using WorkProgramme.Application;
using WorkProgramme.Web.Api;
using WorkProgramme.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication();
builder.Services.AddWebAuthentication();
builder.Services.AddWebLocalization();
builder.Services.AddWebErrorHandling();
builder.Services.AddWebPages();
builder.Services.AddOpenApi();

var app = builder.Build();

await app.InitializeDatabaseAsync();

app.UseWebErrorHandling();
app.UseStaticFiles();
app.UseWebLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapLanguageSwitch();
app.MapRazorPages();
app.MapProgrammeApi();
app.MapAccountApi();
app.MapActivityApi();
app.MapRoundApi();
app.MapInsightFeeds();
app.MapOpenApi().AllowAnonymous();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
