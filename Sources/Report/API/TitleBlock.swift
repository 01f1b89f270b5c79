import Foundation

/// What a handout's title block says under the title: subtitle, author, course and date.
///
/// Every field is text the author gives; the date in particular is never read from the clock, so the same
/// experiment writes the same handout on any day (write `date: "2026-03-14"` or `date: "2026 年春季学期"`).
public struct TitleBlock: Sendable, Equatable {
    /// A line under the title, e.g. "Lecture 4: optimizers".
    public var subtitle: String?
    /// Who wrote the handout.
    public var author: String?
    /// The course it belongs to, e.g. "CS 231 Deep Learning".
    public var course: String?
    /// The date printed, as the author writes it.
    public var date: String?

    /// - Parameters:
    ///   - subtitle: A line under the title.
    ///   - author: Who wrote the handout.
    ///   - course: The course.
    ///   - date: The date, as text (never the clock).
    public init(subtitle: String? = nil, author: String? = nil, course: String? = nil, date: String? = nil) {
        self.subtitle = subtitle
        self.author = author
        self.course = course
        self.date = date
    }

    /// Author, course and date that are set, in that order (the byline under the subtitle).
    var bylineParts: [String] {
        [author, course, date].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// The subtitle when it holds more than white space.
    var shownSubtitle: String? {
        subtitle.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
