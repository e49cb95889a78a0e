using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkProgramme.Application.Identity;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Features.Audit;

/// <summary>
/// Writes the audit trail in the same transaction as the change itself: a row when an entity of the official record
/// is created or deleted, and a row per changed field (old and new value) when it is modified. Handlers cannot forget it.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || Describe(entry) is not { } subject)
            {
                continue;
            }

            AuditEntry Row(string field, string? oldValue, string? newValue) =>
                new(now, actor.Name, subject.Type, subject.Id, subject.Context, field, oldValue, newValue);

            switch (entry.State)
            {
                case EntityState.Added:
                    entries.Add(Row(AuditEntry.Created, null, subject.Summary));
                    break;
                case EntityState.Deleted:
                    entries.Add(Row(AuditEntry.Deleted, subject.Summary, null));
                    break;
                default:
                    entries.AddRange(ChangedFields(entry).Select(change => Row(change.Field, change.Old, change.New)));
                    break;
            }
        }

        context.AddRange(entries);
    }

    /// <summary>Identity's internals and the time of the last sign-in: never copied into the trail; a new password hash is noted without its value.</summary>
    private static readonly HashSet<string> Secrets = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName",
        nameof(AppUser.LastSignInAt)];

    private static IEnumerable<(string Field, string? Old, string? New)> ChangedFields(EntityEntry entry)
    {
        foreach (var property in entry.Properties.Where(p => p.IsModified && !p.Metadata.IsConcurrencyToken))
        {
            if (Secrets.Contains(property.Metadata.Name))
            {
                if (property.Metadata.Name == "PasswordHash")
                {
                    yield return ("Password", "•••", "••• (changed)");
                }

                continue;
            }

            var (before, after) = (Format(property.OriginalValue), Format(property.CurrentValue));
            if (before != after)
            {
                yield return (property.Metadata.Name, before, after);
            }
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties.Where(p => p.IsModified))
            {
                var (before, after) = (Format(property.OriginalValue), Format(property.CurrentValue));
                if (before != after)
                {
                    yield return ($"{complex.Metadata.Name}.{property.Metadata.Name}", before, after);
                }
            }
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable when value.GetType().IsPrimitive || value is decimal
            => formattable.ToString(null, CultureInfo.InvariantCulture),
        Enum => value.ToString(),
        bool flag => flag ? "true" : "false",
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };

    private sealed record Subject(string Type, string Id, string? Context, string? Summary);

    /// <summary>Which entities belong to the official record, and the key a reader knows them by.</summary>
    private static Subject? Describe(EntityEntry entry) => entry.Entity switch
    {
        ActivityVersion row => new("Activity", row.ActivityId.ToString(), VersionLabel(entry.Context, row.ProgrammeVersionId),
            $"{row.Section} {row.Number?.ToString(CultureInfo.InvariantCulture) ?? "—"}: {row.Title}"),
        StatusReport report => new("StatusReport", $"{report.ActivityId}@{report.SessionKey}", report.SessionKey,
            $"{report.Keyword?.ToString() ?? "—"} ({report.State})"),
        Programme programme => new("Programme", programme.Slug, null, programme.Title.ToString()),
        ProgrammeVersion version => new("ProgrammeVersion", version.Label, ProgrammeSlug(entry.Context, version.ProgrammeId), version.State.ToString()),
        Session session => new("Session", session.Key, session.BodyCode, $"{session.Year}-{session.Month:00}"),
        SessionDecision decision => new("Decision", $"{decision.ActivityId}@{decision.SessionKey}", decision.SessionKey,
            $"{decision.Kind}: {decision.Text}"),
        ReportingRound round => new("Round", round.SessionKey, ProgrammeSlug(entry.Context, round.ProgrammeId), round.State.ToString()),
        Body body => new("Body", body.Code, null, body.Name.ToString()),
        StrategicPlan plan => new("StrategicPlan", plan.Period, null, plan.Title.ToString()),
        StrategicPlanElement element => new("PlanElement", element.Code, entry.Context.Set<StrategicPlan>().Local.FirstOrDefault(p => p.Id == element.PlanId)?.Period,
            element.Label.ToString()),
        TaskType type => new("TaskType", type.Code, null, type.Name.ToString()),
        Features.Comments.Comment comment => new("Comment", $"{comment.ActivityId}@{comment.SessionKey}", comment.SessionKey, comment.Text.ToString()),
        Features.Assignments.ActivityAssignment assignment => new("Assignment", $"{assignment.ActivityId}@{UserName(entry.Context, assignment.UserId)}",
            null, UserName(entry.Context, assignment.UserId)),
        ApiToken token => new("ApiToken", token.Name, token.UserId, token.Name),
        Features.Users.AccountLink link => new(link.Purpose == Features.Users.AccountLinkPurpose.Invitation ? "Invitation" : "PasswordReset",
            UserName(entry.Context, link.UserId), null, $"valid until {Format(link.ExpiresAt)}"),
        Translation.TranslationMemoryImport import => new("TranslationMemory", import.Origin, null, import.Origin),
        AppUser user => new("User", user.Email ?? user.Id, user.BodyCode, user.DisplayName ?? user.Email),
        IdentityUserRole<string> link => new("UserRole", UserName(entry.Context, link.UserId), null,
            entry.Context.Set<IdentityRole>().Find(link.RoleId)?.Name ?? link.RoleId),
        _ => null,
    };

    private static string UserName(DbContext context, string userId) =>
        context.Set<AppUser>().Find(userId) is { } user ? user.Email ?? user.UserName ?? userId : userId;

    private static string? VersionLabel(DbContext context, int versionId) =>
        context.ChangeTracker.Entries<ProgrammeVersion>().FirstOrDefault(v => v.Entity.Id == versionId)?.Entity.Label;

    private static string? ProgrammeSlug(DbContext context, int programmeId) =>
        context.ChangeTracker.Entries<Programme>().FirstOrDefault(p => p.Entity.Id == programmeId)?.Entity.Slug;
}
