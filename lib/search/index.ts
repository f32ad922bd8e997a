export {
  parseSearchQuery,
  positiveTerms,
  type QueryNode,
  type TermNode,
  type SearchMode,
  type ParseOptions,
} from "./parse-search-query";
export { searchCorpus, type SearchHit, type SearchResult } from "./search-corpus";
export { suggestForCode, type CodeSuggestions, type SuggestionGroup, type SuggestedSentence } from "./suggest-for-code";
export { decideSuggestions, type DecideSuggestionsResult } from "./decide-suggestions";
export * from "./schemas";
