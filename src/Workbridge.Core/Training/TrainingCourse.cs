using Workbridge.Core.Common;

namespace Workbridge.Core.Training;

/// <summary>A vocational course leading to an ISCO-08 occupation: its length in hours and what it teaches.</summary>
public sealed class TrainingCourse
{
    private TrainingCourse()
    {
        IscoCode = "";
        Title = "";
        Syllabus = "";
    }

    public TrainingCourse(string iscoCode, string title, int hours, string syllabus)
    {
        Id = Ids.New();
        IscoCode = Reference.IscoGroup.IsUnitCode(iscoCode) ? iscoCode! : throw new RuleViolation("course.occupation", "The occupation is an ISCO-08 unit group: 4 digits.", "iscoCode");
        Title = "";
        Syllabus = "";
        Update(title, hours, syllabus);
    }

    public Guid Id { get; private set; }

    /// <summary>The occupation a certificate from this course adds to the person's record.</summary>
    public string IscoCode { get; private set; }

    public string Title { get; private set; }

    /// <summary>Total hours of teaching and practice.</summary>
    public int Hours { get; private set; }

    /// <summary>A summary of the syllabus in plain language; it is part of what the person consents to.</summary>
    public string Syllabus { get; private set; }

    public void Update(string title, int hours, string syllabus)
    {
        var t = title?.Trim() ?? "";
        Title = t.Length is >= 2 and <= 200 ? t : throw new RuleViolation("course.title", "A title is 2 to 200 characters.", "title");
        Hours = hours is >= 8 and <= 4000 ? hours : throw new RuleViolation("course.hours", "A course lasts 8 to 4000 hours.", "hours");
        var s = syllabus?.Trim() ?? "";
        Syllabus = s.Length is >= 10 and <= 4000 ? s : throw new RuleViolation("course.syllabus", "Summarise the syllabus in 10 to 4000 characters.", "syllabus");
    }
}
