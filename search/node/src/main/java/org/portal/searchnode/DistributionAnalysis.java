package org.portal.searchnode;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.elasticsearch.common.regex.Regex;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis components the portal's mapping names that an Elasticsearch distribution ships in
 * its analysis-common module, which is not published on Maven Central: the {@code pattern} and
 * {@code whitespace} tokenizers and the {@code asciifolding} filter (the portal's own index), and
 * the {@code ngram} and {@code edge_ngram} tokenizers and filters (Wagtail's Elasticsearch backend,
 * which the admin's search uses). Each is the Lucene class the module itself wraps, under the
 * module's name and with its defaults, so that an index built here analyses text as on a
 * production cluster. ({@code lowercase} and {@code standard} are in the server itself.)
 */
public class DistributionAnalysis extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "pattern", PatternTokenizerFactory::new,
            "ngram", (index, environment, name, settings) -> new GramTokenizerFactory(index, name, settings, false),
            "edge_ngram", (index, environment, name, settings) -> new GramTokenizerFactory(index, name, settings, true)
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "ngram", (index, environment, name, settings) -> new GramFilterFactory(name, settings, false),
            "edge_ngram", (index, environment, name, settings) -> new GramFilterFactory(name, settings, true)
        );
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(PreConfiguredTokenizer.singleton("whitespace", WhitespaceTokenizer::new));
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new));
    }

    /** Splits on a regular expression ({@code pattern}, default {@code \W+}), as analysis-common does. */
    static final class PatternTokenizerFactory extends AbstractTokenizerFactory {
        private final Pattern pattern;
        private final int group;

        PatternTokenizerFactory(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
            super(indexSettings, settings, name);
            this.pattern = Regex.compile(settings.get("pattern", "\\W+"), settings.get("flags"));
            this.group = settings.getAsInt("group", -1);
        }

        @Override
        public Tokenizer create() {
            return new PatternTokenizer(pattern, group);
        }
    }

    /** Grams of the whole input ({@code min_gram}, {@code max_gram}: 1 and 2 by default). */
    static final class GramTokenizerFactory extends AbstractTokenizerFactory {
        private final int min;
        private final int max;
        private final boolean edge;

        GramTokenizerFactory(IndexSettings indexSettings, String name, Settings settings, boolean edge) {
            super(indexSettings, settings, name);
            this.min = settings.getAsInt("min_gram", 1);
            this.max = settings.getAsInt("max_gram", 2);
            this.edge = edge;
        }

        @Override
        public Tokenizer create() {
            return edge ? new EdgeNGramTokenizer(min, max) : new NGramTokenizer(min, max);
        }
    }

    /** Grams of each token ({@code min_gram}, {@code max_gram}: 1 and 2 by default). */
    static final class GramFilterFactory extends AbstractTokenFilterFactory {
        private final int min;
        private final int max;
        private final boolean preserveOriginal;
        private final boolean edge;

        GramFilterFactory(String name, Settings settings, boolean edge) {
            super(name, settings);
            this.min = settings.getAsInt("min_gram", 1);
            this.max = settings.getAsInt("max_gram", 2);
            this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
            this.edge = edge;
        }

        @Override
        public TokenStream create(TokenStream input) {
            return edge
                ? new EdgeNGramTokenFilter(input, min, max, preserveOriginal)
                : new NGramTokenFilter(input, min, max, preserveOriginal);
        }
    }
}
