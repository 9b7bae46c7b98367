package io.securityinfo.securityinfo.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The campaign's progress drawn on the server: the shapes of two SVG charts, which a Thymeleaf template writes out
 * as {@code <rect>}s and {@code <text>}s (no script: the Content-Security-Policy allows none). Coordinates are in
 * the charts' own view boxes, which scale with the page.
 *
 * @param categories the chart's categories: each sign-in method type, strongest first, then "no sign-in method"
 * @param now one bar per category: people by strongest method now
 * @param weeks one stacked column per week kept, in its slot of the last {@link CampaignProgress#WEEKS} weeks
 * @param weekTicks the label under each slot
 * @param maxWeekTotal the people in the tallest column, the top of the weekly chart's scale
 */
record ProgressChart(List<Category> categories, List<Bar> now, List<Column> weeks, List<Tick> weekTicks,
		long maxWeekTotal) {

	static final int WIDTH = 640;

	static final int ROW = 36;

	static final int LABEL_WIDTH = 190;

	static final int BAR_AREA = 360;

	static final int WEEK_HEIGHT = 300;

	static final int PLOT_LEFT = 48;

	static final int PLOT_TOP = 16;

	static final int PLOT_BOTTOM = 260;

	/**
	 * @param id a method type id or {@link CampaignProgress#NONE}
	 * @param nameKey the message key of its name
	 * @param cssClass its colour in both charts ({@code chart-series-0} … , {@code chart-none})
	 */
	record Category(String id, String nameKey, String cssClass) {
	}

	record Bar(Category category, long people, int y, int width, int labelY, int countX) {
	}

	record Segment(Category category, long people, int x, int y, int width, int height) {
	}

	record Column(LocalDate week, long total, List<Segment> segments) {
	}

	record Tick(int x, String label) {
	}

	/** Height of the "now" chart's view box. */
	public int nowHeight() {
		return now.size() * ROW + 8;
	}

	public int weekHeight() {
		return WEEK_HEIGHT;
	}

	/** The view box of the "now" chart. */
	public String nowViewBox() {
		return "0 0 " + WIDTH + " " + nowHeight();
	}

	public String weekViewBox() {
		return "0 0 " + WIDTH + " " + WEEK_HEIGHT;
	}

	public int barX() {
		return LABEL_WIDTH;
	}

	public int barHeight() {
		return ROW - 10;
	}

	public int axisX1() {
		return PLOT_LEFT - 4;
	}

	public int axisX2() {
		return WIDTH;
	}

	public int plotTop() {
		return PLOT_TOP;
	}

	public int plotBottom() {
		return PLOT_BOTTOM;
	}

	static ProgressChart of(List<Category> categories, Map<String, Long> now, Map<LocalDate, Map<String, Long>> weeks,
			LocalDate thisWeek) {
		long maxNow = Math.max(1, now.values().stream().mapToLong(Long::longValue).max().orElse(0));
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < categories.size(); i++) {
			Category category = categories.get(i);
			long people = now.getOrDefault(category.id(), 0L);
			int width = (int) Math.round((double) people * BAR_AREA / maxNow);
			int y = i * ROW + 4;
			bars.add(new Bar(category, people, y, width, y + ROW / 2 + 5, LABEL_WIDTH + width + 8));
		}
		long maxTotal = Math.max(1, weeks.values()
			.stream()
			.mapToLong(counts -> counts.values().stream().mapToLong(Long::longValue).sum())
			.max()
			.orElse(0));
		int slotWidth = (WIDTH - PLOT_LEFT - 8) / CampaignProgress.WEEKS;
		int barWidth = slotWidth * 2 / 3;
		double plotHeight = PLOT_BOTTOM - PLOT_TOP;
		LocalDate first = thisWeek.minusWeeks(CampaignProgress.WEEKS - 1);
		List<Column> columns = new ArrayList<>();
		List<Tick> ticks = new ArrayList<>();
		for (int slot = 0; slot < CampaignProgress.WEEKS; slot++) {
			LocalDate week = first.plusWeeks(slot);
			int x = PLOT_LEFT + slot * slotWidth + (slotWidth - barWidth) / 2;
			ticks.add(new Tick(x + barWidth / 2, String.format("%02d-%02d", week.getDayOfMonth(), week.getMonthValue())));
			Map<String, Long> counts = weeks.get(week);
			if (counts == null) {
				continue;
			}
			// Strongest at the bottom, so that the green grows upwards week by week.
			List<Segment> segments = new ArrayList<>();
			double top = PLOT_BOTTOM;
			long total = 0;
			for (Category category : categories) {
				long people = counts.getOrDefault(category.id(), 0L);
				total += people;
				double height = people * plotHeight / maxTotal;
				top -= height;
				segments.add(new Segment(category, people, x, (int) Math.round(top), barWidth,
						(int) Math.round(height)));
			}
			columns.add(new Column(week, total, segments));
		}
		return new ProgressChart(categories, bars, columns, ticks, maxTotal);
	}

}
