using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Bodies;
using WorkProgramme.Domain.Sessions;
using WorkProgramme.Domain.StrategicPlans;

namespace WorkProgramme.Application.Data.Configurations;

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> body)
    {
        body.Property(b => b.Code).HasMaxLength(40);
        body.HasIndex(b => b.Code).IsUnique();
        body.Bilingual(b => b.Abbreviation, "Abbreviation", 40);
        body.Bilingual(b => b.Name, "Name", 300);
        body.Property(b => b.Kind).HasConversion<string>().HasMaxLength(30);
        body.Property(b => b.ReportsTo).HasMaxLength(40);
        body.Ignore(b => b.IsDecisionBody);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.Property(s => s.Key).HasMaxLength(60);
        session.HasIndex(s => s.Key).IsUnique();
        session.Property(s => s.BodyCode).HasMaxLength(40);
        session.HasIndex(s => new { s.BodyCode, s.Year, s.Month });
        session.Property(s => s.Ordinals).HasJsonConversion().HasMaxLength(100);
        session.Property(s => s.Season).HasConversion<string>().HasMaxLength(10);
        session.Property(s => s.Place).HasMaxLength(200);
        session.Ignore(s => s.MonthIndex);
    }
}

internal sealed class SessionDecisionConfiguration : IEntityTypeConfiguration<SessionDecision>
{
    public void Configure(EntityTypeBuilder<SessionDecision> decision)
    {
        decision.ToTable("SessionDecisions");
        decision.HasOne<Domain.Activities.Activity>().WithMany().HasForeignKey(d => d.ActivityId).OnDelete(DeleteBehavior.Cascade);
        decision.Property(d => d.SessionKey).HasMaxLength(60);
        decision.HasIndex(d => new { d.ActivityId, d.SessionKey }).IsUnique();
        decision.HasIndex(d => d.SessionKey);
        decision.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        decision.Bilingual(d => d.Text, "Text", SessionDecision.TextMaxLength);
        decision.Property(d => d.DocumentSymbol).HasMaxLength(SessionDecision.SymbolMaxLength);
    }
}

internal sealed class StrategicPlanConfiguration : IEntityTypeConfiguration<StrategicPlan>
{
    public void Configure(EntityTypeBuilder<StrategicPlan> plan)
    {
        plan.ToTable("StrategicPlans");
        plan.HasIndex(p => p.StartYear).IsUnique();
        plan.Bilingual(p => p.Title, "Title", 300);
        plan.Ignore(p => p.Period);
        plan.HasMany(p => p.Elements).WithOne().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
        plan.Navigation(p => p.Elements).HasField("elements");
    }
}

internal sealed class PlanElementConfiguration : IEntityTypeConfiguration<StrategicPlanElement>
{
    public void Configure(EntityTypeBuilder<StrategicPlanElement> element)
    {
        element.ToTable("PlanElements");
        element.Property(e => e.Code).HasMaxLength(20);
        element.HasIndex(e => new { e.PlanId, e.Code }).IsUnique();
        element.Bilingual(e => e.DisplayCode, "DisplayCode", 20);
        element.Bilingual(e => e.Label, "Label", 300);
        element.Property(e => e.Group).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class TaskTypeConfiguration : IEntityTypeConfiguration<TaskType>
{
    public void Configure(EntityTypeBuilder<TaskType> type)
    {
        type.ToTable("TaskTypes");
        type.HasKey(t => t.Code);
        type.Property(t => t.Code).HasMaxLength(TaskType.CodeMaxLength);
        type.Bilingual(t => t.Name, "Name", 300);
    }
}
