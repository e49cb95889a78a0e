using WorkProgramme.Domain.Activities;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Domain.Tests.Activities;

public sealed class TaskTypeWordsFacts
{
    [Fact]
    public void Every_task_type_has_its_word_in_both_languages_and_no_two_share_one()
    {
        var words = Enum.GetValues<TaskType>().Select(TaskTypeWords.Of).ToList();

        Assert.All(words, w => Assert.False(w.IsPartlyTranslated || w.IsEmpty));
        Assert.Equal(words.Count, words.Select(w => w.Fr).Distinct().Count());
        Assert.Equal(words.Count, words.Select(w => w.En).Distinct().Count());
        Assert.Equal("Suivi", TaskTypeWords.Of(TaskType.Maintenance, Language.Fr));
        Assert.Equal("Fine-tuning", TaskTypeWords.Of(TaskType.FineTuning, Language.En));
        Assert.Equal(Enum.GetValues<TaskType>(), TaskTypeWords.All.Keys);
    }
}
