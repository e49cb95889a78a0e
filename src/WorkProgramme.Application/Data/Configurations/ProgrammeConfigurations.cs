using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.Programmes;
using WorkProgramme.Domain.Rounds;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Application.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.Property(p => p.Slug).HasMaxLength(80);
        programme.HasIndex(p => p.Slug).IsUnique();
        programme.Property(p => p.BodyCode).HasMaxLength(40);
        programme.Bilingual(p => p.Title, "Title", 500);
        programme.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        programme.Navigation(p => p.Versions).HasField("versions");
        programme.Ignore(p => p.Latest);
        programme.Property(p => p.Predecessor).HasMaxLength(80);
        programme.Property(p => p.Successor).HasMaxLength(80);
        programme.HasOne<Domain.StrategicPlans.StrategicPlan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        programme.HasIndex(p => p.PlanId);
    }
}

internal sealed class ProgrammeVersionConfiguration : IEntityTypeConfiguration<ProgrammeVersion>
{
    public void Configure(EntityTypeBuilder<ProgrammeVersion> version)
    {
        version.Property(v => v.Label).HasMaxLength(100);
        version.HasIndex(v => new { v.ProgrammeId, v.Label }).IsUnique();
        version.Property(v => v.DocumentSymbol).HasMaxLength(40);
        version.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        version.Property(v => v.SessionKey).HasMaxLength(60);
        version.Property(v => v.EndorsedAt).HasMaxLength(60);
        version.Property(v => v.ApprovedAt).HasMaxLength(60);
        version.Ignore(v => v.IsFrozen);
        version.HasMany(v => v.Activities).WithOne().HasForeignKey(a => a.ProgrammeVersionId).OnDelete(DeleteBehavior.Cascade);
        version.Navigation(v => v.Activities).HasField("activities");
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> activity)
    {
        activity.Property(a => a.Id).ValueGeneratedNever();
        activity.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        activity.Property(a => a.CarriedFromProgramme).HasMaxLength(80);
        activity.Property(a => a.CarriedFromLabel).HasMaxLength(20);
        activity.HasIndex(a => a.CarriedFromId);
        activity.Ignore(a => a.CarriedFrom);
    }
}

internal sealed class ActivityVersionConfiguration : IEntityTypeConfiguration<ActivityVersion>
{
    public void Configure(EntityTypeBuilder<ActivityVersion> row)
    {
        row.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Restrict);
        row.HasIndex(r => new { r.ProgrammeVersionId, r.ActivityId }).IsUnique();
        row.Property(r => r.RowVersion).IsConcurrencyToken();
        row.Property(r => r.Section).HasConversion<string>().HasMaxLength(20);
        row.Property(r => r.Revision).HasConversion<string>().HasMaxLength(20);
        row.Property(r => r.Priority).HasConversion<string>().HasMaxLength(1);
        row.Property(r => r.TaskType).HasMaxLength(TaskType.CodeMaxLength);
        row.Property(r => r.PlanCodes).HasField("planCodes").HasJsonConversion().HasMaxLength(400);
        row.Property(r => r.BodyCodes).HasField("bodyCodes").HasJsonConversion().HasMaxLength(800);
        row.Property(r => r.ChosenRoles).HasField("chosenRoles").HasJsonConversion().HasMaxLength(800);
        row.Bilingual(r => r.Title, "Title");
        row.Bilingual(r => r.Resources, "Resources");
        row.Bilingual(r => r.Kpi, "Kpi");
        row.Property(r => r.Deadline).HasJsonConversion();
        row.Property(r => r.OutdatedTranslations).HasField("outdatedTranslations").HasConversion(OutdatedTranslationsColumn.Converter, OutdatedTranslationsColumn.Comparer)
            .HasMaxLength(200);
        row.Ignore(r => r.Content);
        row.Ignore(r => r.Texts);
        row.Ignore(r => r.References);
        row.Ignore(r => r.IsDeleted);
        row.Ignore(r => r.SortKey);
    }
}

internal sealed class StatusReportConfiguration : IEntityTypeConfiguration<StatusReport>
{
    public void Configure(EntityTypeBuilder<StatusReport> report)
    {
        report.HasOne<Activity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
        report.Property(r => r.SessionKey).HasMaxLength(60);
        report.HasIndex(r => new { r.ActivityId, r.SessionKey }).IsUnique();
        report.Property(r => r.Keyword).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.ExecutionLevel).HasConversion<string>().HasMaxLength(10);
        report.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Progress).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.UpdatedBy).HasMaxLength(256);
        report.Property(r => r.ReviewedBy).HasMaxLength(256);
        report.Property(r => r.RowVersion).IsConcurrencyToken();
        report.Property(r => r.MilestonesReached).HasField("milestonesReached").HasJsonConversion();
        report.Bilingual(r => r.NextSteps, "NextSteps");
        report.Bilingual(r => r.Narrative, "Narrative");
        report.Ignore(r => r.LevelContradictsKeyword);
        report.Property(r => r.OutdatedTranslations).HasField("outdatedTranslations")
            .HasConversion(OutdatedReportTextsColumn.Converter, OutdatedReportTextsColumn.Comparer).HasMaxLength(500);
    }
}

internal sealed class ReportingRoundConfiguration : IEntityTypeConfiguration<ReportingRound>
{
    public void Configure(EntityTypeBuilder<ReportingRound> round)
    {
        round.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        round.Property(r => r.SessionKey).HasMaxLength(60);
        round.HasIndex(r => new { r.ProgrammeId, r.SessionKey }).IsUnique();
        round.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        round.Property(r => r.OpenedBy).HasMaxLength(256);
        round.Property(r => r.PublishedBy).HasMaxLength(256);
    }
}

/// <summary>
/// Translation drift as short text, "title:en;kpi:fr": the empty string (every row before drift was tracked) reads as no
/// drift, so existing data needs no rewrite.
/// </summary>
internal static class OutdatedTranslationsColumn
{
    public static readonly ValueConverter<IReadOnlyList<OutdatedTranslation>, string> Converter = new(
        value => Write(value),
        text => Read(text));

    public static readonly ValueComparer<IReadOnlyList<OutdatedTranslation>> Comparer = new(
        (a, b) => Write(a!) == Write(b!),
        value => Write(value).GetHashCode(StringComparison.Ordinal),
        value => Read(Write(value)));

    private static string Write(IReadOnlyList<OutdatedTranslation> value) =>
        string.Join(';', value.Select(o => $"{o.Field.ToString().ToLowerInvariant()}:{o.Outdated.Code()}"));

    private static IReadOnlyList<OutdatedTranslation> Read(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split(':'))
            .Where(p => p.Length == 2 && Enum.TryParse<TextField>(p[0], ignoreCase: true, out _) && Languages.TryParse(p[1], out _))
            .Select(p =>
            {
                Languages.TryParse(p[1], out var language);
                return new OutdatedTranslation(Enum.Parse<TextField>(p[0], ignoreCase: true), language);
            })
            .ToList();
}

/// <summary>
/// A report's translation drift as short text, "narrative:en;milestone-2:en" (milestones counted from 1, as in the XLIFF
/// unit ids): the empty string (every report before drift was tracked) reads as no drift.
/// </summary>
internal static class OutdatedReportTextsColumn
{
    public static readonly ValueConverter<IReadOnlyList<OutdatedReportText>, string> Converter = new(
        value => Write(value),
        text => Read(text));

    public static readonly ValueComparer<IReadOnlyList<OutdatedReportText>> Comparer = new(
        (a, b) => Write(a!) == Write(b!),
        value => Write(value).GetHashCode(StringComparison.Ordinal),
        value => Read(Write(value)));

    private static string Write(IReadOnlyList<OutdatedReportText> value) =>
        string.Join(';', value.Select(o => $"{Name(o)}:{o.Outdated.Code()}"));

    private static string Name(OutdatedReportText text) => text.Field switch
    {
        ReportTextField.Narrative => "narrative",
        ReportTextField.NextSteps => "next-steps",
        _ => $"milestone-{(text.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}",
    };

    private static IReadOnlyList<OutdatedReportText> Read(string text)
    {
        var read = new List<OutdatedReportText>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(':');
            if (pair.Length != 2 || !Languages.TryParse(pair[1], out var language))
            {
                continue;
            }

            if (pair[0] == "narrative")
            {
                read.Add(new OutdatedReportText(ReportTextField.Narrative, 0, language));
            }
            else if (pair[0] == "next-steps")
            {
                read.Add(new OutdatedReportText(ReportTextField.NextSteps, 0, language));
            }
            else if (pair[0].StartsWith("milestone-", StringComparison.Ordinal)
                && int.TryParse(pair[0]["milestone-".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                && number > 0)
            {
                read.Add(new OutdatedReportText(ReportTextField.Milestone, number - 1, language));
            }
        }

        return read;
    }
}
