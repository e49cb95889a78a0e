using WorkProgramme.Application.Features.Documents;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Runs the document warm-up queue in the web app (docs/decisions/0038): a round published or a version adopted queues
/// its programme's downloads after the commit, and this service builds them in the background.
/// </summary>
public static class DocumentWarmer
{
    public static IServiceCollection AddWebDocumentWarming(this IServiceCollection services) =>
        services.AddHostedService<DocumentWarmingService>();
}

internal sealed class DocumentWarmingService(DocumentWarming warming) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await warming.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping: what was not warmed is built when asked for.
        }
    }
}
