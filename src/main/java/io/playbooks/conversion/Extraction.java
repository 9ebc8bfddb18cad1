package io.playbooks.conversion;

import io.playbooks.playbook.Parameter;
import io.playbooks.playbook.Prerequisite;
import io.playbooks.playbook.Step;

import java.util.List;

/**
 * What the page's structure yields, before detection decides whether it is a playbook.
 *
 * @param description     the first paragraph of prose
 * @param headings        the texts of all headings, in order
 * @param headingSteps    the steps that came from numbered headings
 * @param listedSteps     how many steps came from ordered lists, step tables and task lists
 * @param linkOnlySteps   how many of those are list items that only link to another page (an index of pages)
 */
record Extraction(String description, List<String> notes, List<String> warnings, List<Parameter> parameters,
                  List<Prerequisite> prerequisites,
                  List<Step> steps, List<Step> rollback, List<String> headings, List<Step> headingSteps,
                  int listedSteps, int linkOnlySteps) {
}
