using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkProgramme.Application.Features.Translation;

namespace WorkProgramme.Application.Data.Configurations;

internal sealed class TranslationMemoryImportConfiguration : IEntityTypeConfiguration<TranslationMemoryImport>
{
    public void Configure(EntityTypeBuilder<TranslationMemoryImport> import)
    {
        import.ToTable("TranslationMemoryImports");
        import.Property(i => i.Origin).HasMaxLength(TranslationMemoryImport.OriginMaxLength);
        import.Property(i => i.ImportedBy).HasMaxLength(256);
        import.HasMany(i => i.Units).WithOne().HasForeignKey(u => u.ImportId).OnDelete(DeleteBehavior.Cascade);
        import.Navigation(i => i.Units).HasField("units");
    }
}

internal sealed class TranslationMemoryUnitConfiguration : IEntityTypeConfiguration<TranslationMemoryUnit>
{
    public void Configure(EntityTypeBuilder<TranslationMemoryUnit> unit)
    {
        unit.ToTable("TranslationMemoryUnits");
        unit.Property(u => u.SourceLanguage).HasConversion<string>().HasMaxLength(2);
        unit.Property(u => u.PairKey).HasMaxLength(64);
        unit.HasIndex(u => u.PairKey).IsUnique();
        unit.HasIndex(u => u.ImportId);
    }
}
