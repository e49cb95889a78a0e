using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkProgramme.Application.Features.Audit;
using WorkProgramme.Application.Identity;

namespace WorkProgramme.Application.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.EntityType).HasMaxLength(40);
        entry.Property(e => e.EntityId).HasMaxLength(200);
        entry.Property(e => e.Context).HasMaxLength(200);
        entry.Property(e => e.Field).HasMaxLength(100);
        entry.HasIndex(e => new { e.EntityType, e.EntityId });
        entry.HasIndex(e => e.At);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        token.Ignore(t => t.IsActive);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.BodyCode).HasMaxLength(40);
        user.Property(u => u.Unit).HasMaxLength(200);
        user.Ignore(u => u.IsActive);
        user.Property(u => u.PreferredLanguage).HasMaxLength(2);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Features.Comments.Comment>
{
    public void Configure(EntityTypeBuilder<Features.Comments.Comment> comment)
    {
        comment.HasOne<Domain.Activities.Activity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        comment.Property(c => c.SessionKey).HasMaxLength(60);
        comment.Property(c => c.AuthorName).HasMaxLength(256);
        comment.Bilingual(c => c.Text, "Text", Features.Comments.Comment.MaxLength);
        comment.HasIndex(c => new { c.ActivityId, c.SessionKey });
    }
}

internal sealed class ActivityAssignmentConfiguration : IEntityTypeConfiguration<Features.Assignments.ActivityAssignment>
{
    public void Configure(EntityTypeBuilder<Features.Assignments.ActivityAssignment> assignment)
    {
        assignment.ToTable("ActivityAssignments");
        assignment.HasOne<Domain.Activities.Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        assignment.Property(a => a.AssignedBy).HasMaxLength(256);
        assignment.HasIndex(a => new { a.ActivityId, a.UserId }).IsUnique();
        assignment.HasIndex(a => a.UserId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<Features.Mail.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Features.Mail.OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.Property(m => m.MessageId).HasMaxLength(200);
        message.HasIndex(m => m.MessageId).IsUnique();
        message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        message.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        message.Property(m => m.ToAddress).HasMaxLength(256);
        message.Property(m => m.ToName).HasMaxLength(200);
        message.Property(m => m.Language).HasMaxLength(2);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.LastError).HasMaxLength(500);
        message.HasIndex(m => new { m.State, m.NextAttemptAt });
    }
}

internal sealed class AccountLinkConfiguration : IEntityTypeConfiguration<Features.Users.AccountLink>
{
    public void Configure(EntityTypeBuilder<Features.Users.AccountLink> link)
    {
        link.ToTable("AccountLinks");
        link.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        link.Property(l => l.Purpose).HasConversion<string>().HasMaxLength(20);
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.Property(l => l.CreatedBy).HasMaxLength(256);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => l.UserId);
    }
}

internal sealed class NoticeRecordConfiguration : IEntityTypeConfiguration<Features.Notices.NoticeRecord>
{
    public void Configure(EntityTypeBuilder<Features.Notices.NoticeRecord> record)
    {
        record.ToTable("NotificationLedger");
        record.HasOne<Domain.Rounds.ReportingRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        record.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        record.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        record.HasIndex(r => new { r.Kind, r.RoundId, r.UserId, r.Day }).IsUnique();
        record.HasIndex(r => r.UserId);
    }
}
