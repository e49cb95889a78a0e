using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace WorkProgramme.Application.Features.Notices;

/// <summary>
/// <c>Reminders:DaysBefore</c> (e.g. <c>14,3</c>): the days before a session's start on which reminders leave;
/// <c>Reminders:Enabled</c> (true) and <c>Reminders:TickMinutes</c> (60) for the web app's reminder service.
/// </summary>
public sealed record ReminderSettings(IReadOnlyList<int> DaysBefore, bool Enabled, TimeSpan Tick)
{
    public static ReminderSettings Read(IConfiguration configuration)
    {
        var days = (configuration["Reminders:DaysBefore"] ?? "14,3")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new InvalidOperationException($"Reminders:DaysBefore: '{d}' is not a number of days (e.g. 14,3)."))
            .Distinct().OrderDescending().ToList();
        var minutes = Math.Max(1, configuration.GetValue<int?>("Reminders:TickMinutes") ?? 60);
        return new ReminderSettings(days, configuration.GetValue("Reminders:Enabled", true), TimeSpan.FromMinutes(minutes));
    }
}
